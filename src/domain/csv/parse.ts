// The PapaParse adapter (SPEC §4 RFC 4180 parsing): the only file that imports papaparse. The
// delimiter is always given (PapaParse's per-call guess can be wrong) and fastMode is never forced.
import Papa from 'papaparse';
import type { Delimiter } from './types';

export interface ParseProblem {
  /** Index of the record in `records` (0 = the first line). */
  record: number;
  kind: 'unterminated-quote' | 'malformed-quote';
}

export interface ParsedRecords {
  /** Every record of the text, blank lines included, so indices map to spreadsheet rows. */
  records: string[][];
  problems: ParseProblem[];
}

/** Splits CSV text into records of raw fields (quotes removed, nothing trimmed). */
export function parseCsvRecords(text: string, delimiter: Delimiter): ParsedRecords {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length === 0) return { records: [], problems: [] };
  // A fresh config per call: PapaParse writes into the object it is given.
  const result = Papa.parse<string[]>(body, {
    delimiter,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    quoteChar: '"',
    escapeChar: '"',
    comments: false,
  });
  const records = result.data;
  // The line break that ends the last line does not start another record.
  const last = body.charCodeAt(body.length - 1);
  if ((last === 10 || last === 13) && records.length > 0) {
    const final = records[records.length - 1];
    if (final && final.length === 1 && final[0] === '') records.pop();
  }
  const problems: ParseProblem[] = [];
  for (const error of result.errors) {
    if (error.type !== 'Quotes') continue;
    problems.push({
      record: error.row ?? 0,
      kind: error.code === 'MissingQuotes' ? 'unterminated-quote' : 'malformed-quote',
    });
  }
  return { records, problems };
}
