// react-dom, re-exported from a module of its own that vite.config.ts puts in a chunk of its own:
// react-dom is CommonJS, whose code runs where it is first required. Required by start.tsx, its
// 20–30 ms ran inside the evaluation of the app's start chunk, one long task; from here it runs in
// a task of its own, one of those src/main.tsx gives each chunk of the start.
export { createRoot, hydrateRoot } from 'react-dom/client';
