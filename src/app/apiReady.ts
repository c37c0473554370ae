import { createContext } from 'react';

/** Resolves once the API can answer (the in-browser worker has started). */
export const ApiReadyContext = createContext<Promise<void>>(Promise.resolve());
