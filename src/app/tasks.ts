// Steps of the page's start, each in a task of its own, so the browser can paint and answer input
// between them: on a slow phone one step of a few milliseconds here is tens there, and a main
// thread busy for over 50 ms at a stretch is what makes a page feel stuck. (Imported by the tiny
// entry, src/main.tsx: nothing here may pull in the app's modules.)

/** A new task: scheduler.yield() where the browser has it (the rest of the start keeps its place in line), else a timer. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
