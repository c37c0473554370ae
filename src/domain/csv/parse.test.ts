import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsvRecords, parseWithPapa } from './parse';

describe('parseCsvRecords', () => {
  it('splits text without quotes into the records PapaParse reads, whatever its line breaks', () => {
    const unquoted = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', ';', '\t', '\r', '\n', '\r\n'), maxLength: 60 });
    fc.assert(
      fc.property(unquoted, fc.constantFrom(',' as const, ';' as const, '\t' as const), (text, delimiter) => {
        expect(parseCsvRecords(text, delimiter)).toEqual(text === '' ? { records: [], problems: [] } : parseWithPapa(text, delimiter));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads CRLF, LF and CR files without quotes line by line, ignoring the final line break', () => {
    expect(parseCsvRecords('id,name\r\nE1,Ann Lee\r\nE2,\r\n', ',').records).toEqual([['id', 'name'], ['E1', 'Ann Lee'], ['E2', '']]);
    expect(parseCsvRecords('id;name\nE1;Ann\n\nE2;Bo', ';').records).toEqual([['id', 'name'], ['E1', 'Ann'], [''], ['E2', 'Bo']]);
    expect(parseCsvRecords('id\tname\rE1\tAnn\r', '\t').records).toEqual([['id', 'name'], ['E1', 'Ann']]);
  });

  it('keeps a lone LF inside a field of a CRLF file, as PapaParse does', () => {
    expect(parseCsvRecords('a,b\r\nx\ny,z\r\n', ',').records).toEqual([['a', 'b'], ['x\ny', 'z']]);
  });
});
