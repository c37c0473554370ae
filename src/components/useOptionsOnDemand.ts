// A <select> of thousands of options (4,000 teams) costs the browser more to style and measure than
// a heatmap costs to draw, and the list arrives with the page's data. Long lists are therefore
// drawn when the chooser is about to be used: focus (keyboard, screen reader), a pointer or mouse
// press (before the browser opens the list: React applies these updates within the event). Until
// then the select holds only its current choice, which is all it shows.
import { useState } from 'react';

/** Up to this many options are drawn at once, as before. */
export const OPTIONS_DRAWN_AT_ONCE = 200;

export function useOptionsOnDemand(count: number) {
  const [wanted, setWanted] = useState(false);
  const want = () => setWanted(true);
  return {
    /** True when every option should be drawn; false: only the selected one. */
    drawAll: wanted || count <= OPTIONS_DRAWN_AT_ONCE,
    /** Spread on the <select>. */
    triggers: { onFocus: want, onPointerDown: want, onMouseDown: want },
  };
}
