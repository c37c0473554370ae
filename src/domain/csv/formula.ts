// Spreadsheet formula injection guard for exports (SPEC §5) and its exact inverse for imports, so
// that what Gapmap writes, Gapmap reads back without loss (SPEC §5 "round trip").

/** = + - @ and their fullwidth forms (＝ ＋ － ＠), and the minus sign, start a formula in some spreadsheet. */
function isFormulaTrigger(code: number): boolean {
  return (
    code === 61 || code === 43 || code === 45 || code === 64 ||
    code === 0xff1d || code === 0xff0b || code === 0xff0d || code === 0xff20 || code === 0x2212
  );
}

/** Whitespace a spreadsheet skips before looking for a formula: ASCII, NBSP and Unicode spaces. */
function isSpace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 || code === 0x202f ||
    code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

function lineLooksLikeFormula(text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  // A cell starting with tab or CR is treated as a formula by some importers (OWASP CSV injection).
  if (first === 9 || first === 13) return true;
  let i = start;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i < text.length && isFormulaTrigger(text.charCodeAt(i));
}

/** True when a spreadsheet could run `text` as a formula: its first line or any later line. */
export function looksLikeFormula(text: string): boolean {
  if (text.length === 0) return false;
  if (lineLooksLikeFormula(text, 0)) return true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code === 10 || code === 13) && i + 1 < text.length && lineLooksLikeFormula(text, i + 1)) return true;
  }
  return false;
}

/**
 * Whether writing `text` needs the `'` prefix. Text that already starts with `'` before
 * something formula-like gets one more, so reading strips exactly the one we added.
 */
function needsPrefix(text: string): boolean {
  let start = 0;
  while (text.charCodeAt(start) === 39) start++;
  return looksLikeFormula(start === 0 ? text : text.slice(start));
}

/** Prefixes `'` to text a spreadsheet would run as a formula (`=1+1` → `'=1+1`); other text is unchanged. */
export function neutraliseFormula(text: string): string {
  return needsPrefix(text) ? `'${text}` : text;
}

/** The inverse of neutraliseFormula: `'=1+1` → `=1+1`; every other text is unchanged. */
export function undoNeutralisation(text: string): string {
  return text.charCodeAt(0) === 39 && needsPrefix(text.slice(1)) ? text.slice(1) : text;
}

/** Cheap pre-check for the writer's fast path: could this text need the prefix at all? */
export function mayNeedPrefix(text: string): boolean {
  const first = text.charCodeAt(0);
  return first === 39 || isSpace(first) || isFormulaTrigger(first) || first > 0x7f;
}
