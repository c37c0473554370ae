// UI state only (never server data): who is looking — the persona scopes every request.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Persona } from '../api/contract';

/** Who is looking until someone chooses: the L&D manager (also who the prerendered first screen shows). */
export const DEFAULT_PERSONA: Persona = { kind: 'lnd' };

interface UiState {
  persona: Persona;
  setPersona: (persona: Persona) => void;
}

export const useUi = create<UiState>()(
  persist(
    (set) => ({
      persona: DEFAULT_PERSONA,
      setPersona: (persona) => set({ persona }),
    }),
    // index.html's inline script reads the persona's kind under this key before the app runs.
    { name: 'gapmap-ui' },
  ),
);
