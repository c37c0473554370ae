// Finds a CSV file's delimiter once per file (SPEC §4: comma, semicolon or tab), counting only
// outside quotes over the first records, so a comma inside "Smith, Ann" cannot mislead it.
import type { Delimiter } from './types';

const CANDIDATES: readonly Delimiter[] = [',', ';', '\t'];
const MAX_RECORDS = 30;
const MAX_CHARS = 65_536;

/** The delimiter whose count per record is most consistent with the header's; ',' when none appears. */
export function detectDelimiter(text: string): Delimiter {
  const counts: number[][] = [];
  let current = [0, 0, 0];
  let inQuotes = false;
  let sawContent = false;
  const end = Math.min(text.length, MAX_CHARS);
  for (let i = 0; i < end && counts.length < MAX_RECORDS; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) {
      inQuotes = !inQuotes;
      sawContent = true;
    } else if (inQuotes) {
      continue;
    } else if (code === 10 || code === 13) {
      if (sawContent) counts.push(current);
      current = [0, 0, 0];
      sawContent = false;
    } else {
      sawContent = true;
      if (code === 44) current[0]!++;
      else if (code === 59) current[1]!++;
      else if (code === 9) current[2]!++;
    }
  }
  if (sawContent && counts.length < MAX_RECORDS) counts.push(current);
  const header = counts[0];
  if (!header) return ',';
  let best: Delimiter = ',';
  let bestScore = -1;
  for (let d = 0; d < CANDIDATES.length; d++) {
    const headerCount = header[d]!;
    if (headerCount === 0) continue;
    let consistent = 0;
    for (const record of counts) if (record[d] === headerCount) consistent++;
    // Consistency first (a real delimiter splits every record alike), then more columns.
    const score = (consistent / counts.length) * 1000 + Math.min(headerCount, 999);
    if (score > bestScore) {
      bestScore = score;
      best = CANDIDATES[d]!;
    }
  }
  return best;
}
