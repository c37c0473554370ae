import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { GapLongRow, GapTeamRow, RecommendationRow } from '../reports';
import { neutraliseFormula, undoNeutralisation } from './formula';
import { parseCsvRecords } from './parse';
import type { GapLongTable } from '../engine/gaps';
import { csvTemplate, csvText, gapLongCsv, gapLongTableCsvChunks, gapTeamCsv, recommendationCsv, writeCsv, writeCsvChunks } from './writeCsv';
import { RECORD_KINDS } from '../schema';

describe('writeCsv', () => {
  it('writes CRLF after every line and leaves plain fields unquoted', () => {
    expect(writeCsv(['id', 'name'], [['E1', 'Ann Lee'], ['E2', 'Bo']])).toBe('id,name\r\nE1,Ann Lee\r\nE2,Bo\r\n');
  });

  it('quotes fields holding the delimiter, a quote, CR or LF, doubling quotes', () => {
    expect(writeCsv(['a'], [['Lee, Ann'], ['5" screen'], ['two\nlines'], ['cr\rhere']])).toBe(
      'a\r\n"Lee, Ann"\r\n"5"" screen"\r\n"two\nlines"\r\n"cr\rhere"\r\n',
    );
  });

  it('quotes semicolons, not commas, with the European delimiter and can start with a BOM', () => {
    expect(writeCsv(['a', 'b'], [['x;y', '1,5']], { delimiter: ';', bom: true })).toBe('\uFEFFa;b\r\n"x;y";1,5\r\n');
  });

  it('writes numbers plain, never neutralised, and null/undefined as empty', () => {
    expect(writeCsv(['a', 'b', 'c', 'd'], [[-3, 0.25, null, undefined]])).toBe('a,b,c,d\r\n-3,0.25,,\r\n');
    expect(writeCsv(['a', 'b', 'c', 'd', 'e'], [[7, 2.5, 1e21, Number.NaN, 12]])).toBe('a,b,c,d,e\r\n7,2.5,1e+21,,12\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(writeCsv(['a'], [['=SUM(A1:A9)'], ['-3'], ['+44 20 7946 0000'], ['@cmd']])).toBe(
      "a\r\n'=SUM(A1:A9)\r\n'-3\r\n'+44 20 7946 0000\r\n'@cmd\r\n",
    );
  });

  it('writes non-ASCII text unchanged', () => {
    expect(writeCsv(['name'], [['Zoë Ångström'], ['李雷']])).toBe('name\r\nZoë Ångström\r\n李雷\r\n');
  });

  it('any fields written are read back identical by the parser after undoing neutralisation', () => {
    const fieldArb = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: fc.constantFrom('=', '+', '-', '@', "'", '"', ',', ';', '\t', '\r', '\n', ' ', '\u00a0', '＝', 'a') }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(fieldArb, { minLength: 4, maxLength: 4 }), { maxLength: 6 }), fc.constantFrom(',' as const, ';' as const), (width, table, delimiter) => {
        const rows = table.map((row) => row.slice(0, width));
        const columns = Array.from({ length: width }, (_, i) => `c${i}`);
        const text = writeCsv(columns, rows, { delimiter });
        const parsed = parseCsvRecords(text, delimiter).records.map((record) => record.map(undoNeutralisation));
        expect(parsed).toEqual([columns, ...rows]);
      }),
      { numRuns: 400 },
    );
  });
});

describe('writeCsvChunks', () => {
  it('splits a large export into chunks that each decode on their own to the text writeCsv makes', () => {
    // About 6 MB of rows with two-byte and four-byte characters: more than one 4 MB chunk.
    const rows = Array.from({ length: 120_000 }, (_, i) => [`E${i}`, 'Zoë Ångström 李雷 😀', i % 7 === 0 ? '=HYPERLINK("x")' : 'plain, with comma']);
    const chunks = [...writeCsvChunks(['id', 'name', 'note'], rows, { bom: true })];
    expect(chunks.length).toBeGreaterThan(1);
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const text = chunks.map((chunk) => strict.decode(chunk)).join('');
    expect(text).toBe(writeCsv(['id', 'name', 'note'], rows, { bom: true }));
    expect(text.startsWith('\uFEFFid,name,note\r\nE0,Zoë Ångström 李雷 😀,"\'=HYPERLINK(""x"")"\r\nE1,Zoë Ångström 李雷 😀,"plain, with comma"\r\n')).toBe(true);
  });
});

describe('gapLongTableCsvChunks', () => {
  // Two employees over three rows, with every kind of field the writer treats specially.
  const table: GapLongTable = {
    length: 3,
    employee: Int32Array.from([1, 1, 0]),
    skill: Int32Array.from([0, 1, 1]),
    requirement: Int32Array.from([0, 1, 2]),
    required: Int8Array.from([4, 3, 12]),
    verified: Int8Array.from([3, 0, 0]),
    assessed: Int8Array.from([2, 3, 0]),
    effective: Int8Array.from([3, 3, 0]),
    gap: Int8Array.from([1, 0, 12]),
    employees: [
      { id: 'E2', name: '=cmd()', team: 'Ops; Europe', role: 'ops' },
      { id: 'E1', name: 'Lee, "Ann"', team: 'Data', role: 'Data Engineer' },
    ],
    skillIds: ['sql', 'python'],
    skillNames: ['SQL', 'Pythön'],
    weights: ['critical', 'important', 'nice-to-have'],
  };

  it('writes the rows from the columns with quoting, neutralisation and non-ASCII text', () => {
    expect(csvText(gapLongTableCsvChunks(table))).toBe(
      'employee_id,employee_name,team,role,skill_id,skill_name,weight,required_level,verified_level,assessed_level,effective_level,gap,status\r\n' +
        'E1,"Lee, ""Ann""",Data,Data Engineer,sql,SQL,critical,4,3,2,3,1,gap\r\n' +
        'E1,"Lee, ""Ann""",Data,Data Engineer,python,Pythön,important,3,0,3,3,0,met\r\n' +
        "E2,'=cmd(),Ops; Europe,ops,python,Pythön,nice-to-have,12,0,0,0,12,gap\r\n",
    );
  });

  it('quotes for the semicolon delimiter and starts with a BOM when asked, as gapLongCsv does', () => {
    const rows: GapLongRow[] = [
      { employee_id: 'E2', employee_name: '=cmd()', team: 'Ops; Europe', role: 'ops', skill_id: 'python', skill_name: 'Pythön',
        weight: 'nice-to-have', required_level: 12, verified_level: 0, assessed_level: 0, effective_level: 0, gap: 12, status: 'gap' },
    ];
    const oneRow: GapLongTable = { ...table, length: 1, employee: Int32Array.from([0]), skill: Int32Array.from([1]), requirement: Int32Array.from([2]),
      required: Int8Array.from([12]), verified: Int8Array.from([0]), assessed: Int8Array.from([0]), effective: Int8Array.from([0]), gap: Int8Array.from([12]) };
    const expected = '\uFEFFemployee_id;employee_name;team;role;skill_id;skill_name;weight;required_level;verified_level;assessed_level;effective_level;gap;status\r\n' +
      "E2;'=cmd();\"Ops; Europe\";ops;python;Pythön;nice-to-have;12;0;0;0;12;gap\r\n";
    expect(csvText(gapLongTableCsvChunks(oneRow, { delimiter: ';', bom: true }))).toBe(expected);
    expect(gapLongCsv(rows, { delimiter: ';', bom: true })).toBe(expected);
  });
});

describe('neutraliseFormula', () => {
  it('catches what escapeFormulae misses: leading spaces, NBSP, fullwidth signs, later lines', () => {
    expect(neutraliseFormula(' =1+1')).toBe("' =1+1");
    expect(neutraliseFormula('\u00a0=1+1')).toBe("'\u00a0=1+1");
    expect(neutraliseFormula('＝1+1')).toBe("'＝1+1");
    expect(neutraliseFormula('＋1')).toBe("'＋1");
    expect(neutraliseFormula('－1')).toBe("'－1");
    expect(neutraliseFormula('＠x')).toBe("'＠x");
    expect(neutraliseFormula('note\n=HYPERLINK("x")')).toBe("'note\n=HYPERLINK(\"x\")");
    expect(neutraliseFormula('\tcell')).toBe("'\tcell");
    expect(neutraliseFormula('\rcell')).toBe("'\rcell");
  });

  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('Ann-Marie Lee')).toBe('Ann-Marie Lee');
    expect(neutraliseFormula("O'Brien")).toBe("O'Brien");
    expect(neutraliseFormula('a@b.com')).toBe('a@b.com');
    expect(neutraliseFormula('')).toBe('');
  });

  it("adds one more quote to text already starting with ' before a formula, so reading is exact", () => {
    expect(neutraliseFormula("'=x")).toBe("''=x");
    expect(undoNeutralisation("''=x")).toBe("'=x");
    expect(undoNeutralisation("'tis")).toBe("'tis");
  });
});

describe('report files', () => {
  it('writes the long gap report with the exact columns of SPEC §5', () => {
    const row: GapLongRow = {
      employee_id: 'E7', employee_name: 'Ann Lee', team: 'Data', role: 'Data Engineer', skill_id: 'sql', skill_name: 'SQL',
      weight: 'critical', required_level: 4, verified_level: 3, assessed_level: 2, effective_level: 3, gap: 1, status: 'gap',
    };
    expect(gapLongCsv([row])).toBe(
      'employee_id,employee_name,team,role,skill_id,skill_name,weight,required_level,verified_level,assessed_level,effective_level,gap,status\r\n' +
        'E7,Ann Lee,Data,Data Engineer,sql,SQL,critical,4,3,2,3,1,gap\r\n',
    );
  });

  it('writes team coverage with 4 decimals', () => {
    const row: GapTeamRow = { team: 'Data', skill_id: 'sql', skill_name: 'SQL', required_count: 3, met_count: 2, coverage: 2 / 3, total_gap: 2, weighted_gap: 6, bench: 1 };
    expect(gapTeamCsv([row], { delimiter: ';' })).toBe(
      'team;skill_id;skill_name;required_count;met_count;coverage;total_gap;weighted_gap;bench\r\nData;sql;SQL;3;2;0.6667;2;6;1\r\n',
    );
  });

  it('writes recommendations with skills_closed separated by semicolons', () => {
    const row: RecommendationRow = { employee_id: 'E7', credential_id: 'aws-dea', credential_name: 'AWS Data Engineer', cost: 150, hours: 40, skills_closed: ['python', 'sql'], weighted_gap_closed: 5 };
    expect(recommendationCsv([row])).toBe(
      'employee_id,credential_id,credential_name,cost,hours,skills_closed,weighted_gap_closed\r\nE7,aws-dea,AWS Data Engineer,150,40,python;sql,5\r\n',
    );
  });

  it('offers a template with a header and two example rows for every kind', () => {
    for (const kind of RECORD_KINDS) expect(csvTemplate(kind).split('\r\n')).toHaveLength(4);
  });
});
