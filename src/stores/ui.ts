// UI state only (never server data): who is looking — the persona scopes every request.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Persona } from '../api/contract';

interface UiState {
  persona: Persona;
  setPersona: (persona: Persona) => void;
}

export const useUi = create<UiState>()(
  persist(
    (set) => ({
      persona: { kind: 'lnd' },
      setPersona: (persona) => set({ persona }),
    }),
    { name: 'gapmap-ui' },
  ),
);
