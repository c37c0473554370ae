// Costly first renders (the Overview's recharts charts) one after another, tasks apart: charts that
// come into view together drew in one task, the longest of the page's start (about 90 ms at
// 1280 px). Each waits for its turn, renders, and hands the turn on once it has committed.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

/** `then` in a new task after the next frame (a timer where there are no frames: tests). */
function afterNextFrame(then: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(then, 16);
    return;
  }
  requestAnimationFrame(() => setTimeout(then, 0));
}

/** A queue of turns: each starts a frame and a task after the one before it has committed. */
export function createTurns() {
  let last: Promise<void> = Promise.resolve();
  return {
    /** Waits for the turn, then `start()`; returns the function that hands the turn on. */
    take(start: () => void): () => void {
      let handOn!: () => void;
      const done = new Promise<void>((resolve) => (handOn = resolve));
      const before = last;
      last = done;
      // A frame and a task after the one before committed: a recharts chart draws itself in the frame
      // after its commit (once its container is measured), and that drawing is the costly part.
      void before.then(() => afterNextFrame(start));
      return handOn;
    },
  };
}
export type Turns = ReturnType<typeof createTurns>;

const HandOn = createContext<() => void>(() => undefined);

/** Renders `children` in its turn of `turns`, `placeholder` until then; `<TurnDone />` inside them hands the turn on. */
export function OneAtATime({ turns, placeholder, children }: { turns: Turns; placeholder: ReactNode; children: ReactNode }) {
  const [started, setStarted] = useState(false);
  const handOnRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    const next = turns.take(() => setStarted(true));
    handOnRef.current = next;
    // Unmounted before its turn ended (the page left): the turn passes on at once.
    return next;
  }, [turns]);
  const handOn = useCallback(() => handOnRef.current(), []);
  return started ? <HandOn.Provider value={handOn}>{children}</HandOn.Provider> : <>{placeholder}</>;
}

/** Hands the turn on once it has committed: put it beside the costly content (inside its Suspense boundary). */
export function TurnDone() {
  const handOn = useContext(HandOn);
  useEffect(() => handOn(), [handOn]);
  return null;
}
