import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCsvFile } from './readCsvFile';
import { decodeCsvBytes } from './decode';
import { detectDelimiter } from './detectDelimiter';
import { formatIssue } from './formatIssue';
import type { ParsedFile } from './types';

const read = (text: string, fileName = 'file.csv', options = {}): ParsedFile => readCsvFile({ fileName, text }, options);
const errors = (file: ParsedFile): string[] => file.issues.filter((i) => i.severity === 'error').map(formatIssue);

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = littleEndian ? 0xff : 0xfe;
  bytes[1] = littleEndian ? 0xfe : 0xff;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 + 2 * i + (littleEndian ? 0 : 1)] = code & 0xff;
    bytes[2 + 2 * i + (littleEndian ? 1 : 0)] = code >> 8;
  }
  return bytes;
}

describe('encodings', () => {
  const csv = 'Employee ID,Name,Department,Job Title\r\nE1,Zoë Brontë,Data,Analyst\r\n';

  it('reads UTF-8 with and without a BOM', () => {
    const plain = new TextEncoder().encode(csv);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeCsvBytes(plain)).toEqual({ text: csv, encoding: 'utf-8', bom: false });
    expect(decodeCsvBytes(withBom)).toEqual({ text: csv, encoding: 'utf-8', bom: true });
    const file = readCsvFile({ fileName: 'people.csv', bytes: withBom });
    expect(file.headers[0]).toBe('Employee ID');
    expect(file.records.values[0]).toMatchObject({ name: 'Zoë Brontë' });
  });

  it('reads Excel "Unicode text": UTF-16 LE with BOM, tab-delimited', () => {
    const file = readCsvFile({ fileName: 'people.txt', bytes: utf16('Employee ID\tName\tDepartment\tJob Title\r\nE1\tZoë Brontë\tData\tAnalyst\r\n', true) });
    expect(file.encoding).toBe('utf-16le');
    expect(file.delimiter).toBe('\t');
    expect(file.records.values).toEqual([{ id: 'E1', name: 'Zoë Brontë', team: 'Data', role: 'Analyst' }]);
  });

  it('reads UTF-16 BE with BOM', () => {
    expect(decodeCsvBytes(utf16('a,b\r\n', false))).toEqual({ text: 'a,b\r\n', encoding: 'utf-16be', bom: true });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8, and says so', () => {
    // "Zoë" and "€" as an ANSI Excel export writes them: 0xEB and 0x80.
    const bytes = new Uint8Array([...new TextEncoder().encode('skill_id,name,category\r\nfin,Budget '), 0x80, ...new TextEncoder().encode(' Zo'), 0xeb, 0x0d, 0x0a]);
    const file = readCsvFile({ fileName: 'skills.csv', bytes });
    expect(file.encoding).toBe('windows-1252');
    expect(file.records.values).toEqual([{ id: 'fin', name: 'Budget € Zoë', category: '' }]);
    expect(file.issues.map(formatIssue)).toEqual([
      'skills.csv:0:: warning: the file is not UTF-8, so it was read as Windows-1252 (Western European): check names with accents, or save it as "CSV UTF-8" and import again',
    ]);
  });
});

describe('delimiters and quoting', () => {
  it('detects comma, semicolon and tab, ignoring delimiters inside quotes', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('Name;Cost\n"Lee, Ann";1,5\nBo;2,25\n')).toBe(';');
    expect(detectDelimiter('a\tb\n"x,y,z"\t2\n')).toBe('\t');
    expect(detectDelimiter('"Smith, Ann, Jr";x\n"Lee, Bo, Sr";y\n')).toBe(';');
  });

  it('reads RFC 4180 fields with delimiters, quotes and newlines inside, CRLF or LF, trailing empty lines', () => {
    const text = 'skill_id,name,category,description\n' +
      'sql,SQL,technical,"Joins, window functions\r\nand ""query plans"""\r\n' +
      'py,Python,technical,Scripting\n\n\n';
    const file = read(text, 'skills.csv');
    expect(file.rowCount).toBe(2);
    expect(file.records.values).toEqual([
      { id: 'sql', name: 'SQL', category: 'technical', description: 'Joins, window functions\r\nand "query plans"' },
      { id: 'py', name: 'Python', category: 'technical', description: 'Scripting' },
    ]);
    expect(file.issues).toEqual([]);
  });

  it('counts spreadsheet rows across multi-line fields and blank lines (header = row 1)', () => {
    const text = 'skill_id,name\r\nsql,"S\r\nQ\r\nL"\r\n\r\n,Python\r\n';
    expect(errors(read(text, 'skills.csv'))).toEqual(['skills.csv:4:skill_id: skill_id is blank: every skill needs an id']);
  });

  it('reads a European Excel export with ; and decimal commas', () => {
    const text = 'Credential ID;Name;Provider;Skill;Level;Duration;Price;Currency\r\nazure-fund;Azure Fundamentals;Microsoft;cloud;2;12,5;99,00;EUR\r\n';
    const file = read(text, 'catalog.csv');
    expect(file.delimiter).toBe(';');
    expect(file.records.values).toEqual([
      { id: 'azure-fund', name: 'Azure Fundamentals', issuer: 'Microsoft', hours: 12.5, cost: 99, currency: 'EUR', grant: { skill: 'cloud', level: 2 } },
    ]);
  });

  it('reports an unterminated quote at its row', () => {
    const file = read('skill_id,name\r\nsql,SQL\r\npy,"Python\r\nr,R\r\n', 'skills.csv');
    expect(errors(file)).toEqual([
      'skills.csv:3:: a quoted field starts on this row but its closing quote (") is missing, so the rest of the file ran into it: close the quote',
    ]);
    expect(file.records.values).toEqual([{ id: 'sql', name: 'SQL', category: '' }]);
  });

  it('undoes our own formula neutralisation', () => {
    const file = read("skill_id,name\r\n'-neg,'=Formula skill\r\n", 'skills.csv');
    expect(file.records.values).toEqual([{ id: '-neg', name: '=Formula skill', category: '' }]);
  });
});

describe('headers and kinds', () => {
  it('names every kind when the headers do not tell which data a file holds', () => {
    const file = read('colour,size\r\nred,9\r\n', 'mystery.csv');
    expect(errors(file)).toEqual([
      'mystery.csv:0:: cannot tell which data this file holds from its headers (colour, size): choose its kind (employees, skills, roles, catalog, awards, assessments, goals, interests) or rename the columns as in the templates',
    ]);
  });

  it('maps HR synonyms and joins First Name + Last Name', () => {
    const text = 'Worker ID,First Name,Last Name,E-mail Address,Org Unit,Position,Reports To,Site\r\n' +
      'W-204,Priya,Natarajan,priya.n@example.com,Payments,Backend Engineer,W-100,Pune\r\n';
    const file = read(text, 'workday.csv');
    expect(file.kind).toBe('employees');
    expect(file.records.values).toEqual([
      { id: 'W-204', name: 'Priya Natarajan', email: 'priya.n@example.com', team: 'Payments', role: 'Backend Engineer', manager: 'W-100', location: 'Pune' },
    ]);
  });

  it('reads a badge-platform awards export by its own column names', () => {
    const text = 'Recipient Email,Badge Name,Date Issued,Expiration Date,Badge URL\r\n' +
      'ann.lee@example.com,AWS Cloud Practitioner,2024-02-01,2027-02-01,https://www.credly.com/badges/abc\r\n';
    const file = read(text, 'credly.csv');
    expect(file.kind).toBe('awards');
    expect(file.records.values).toEqual([
      { employee: 'ann.lee@example.com', credential: 'AWS Cloud Practitioner', issuedOn: '2024-02-01', expiresOn: '2027-02-01', evidenceUrl: 'https://www.credly.com/badges/abc', verification: 'unverified' },
    ]);
  });

  it('reports each missing required column at file level', () => {
    const file = read('Emp No,Name\r\nE1,Ann\r\n', 'people.csv', { kind: 'employees' });
    expect(errors(file)).toEqual([
      'people.csv:0:: missing the required column team for employees (accepted headers include team, team name, department, dept): add it, or map a column to it',
      'people.csv:0:: missing the required column role for employees (accepted headers include role, role id, role name, job title): add it, or map a column to it',
    ]);
    expect(file.records.values).toEqual([]);
  });

  it('says a file is not CSV: empty, binary, a workbook, or one column of text', () => {
    expect(errors(read('', 'a.csv'))).toEqual(['a.csv:0:: the file is empty: export the data as CSV with a header row']);
    expect(errors(readCsvFile({ fileName: 'b.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0]) }))[0]).toContain('Excel workbook');
    expect(errors(readCsvFile({ fileName: 'c.bin', bytes: new Uint8Array([1, 2, 3, 0, 200, 7, 8, 1, 2, 3, 4, 5]) }))[0]).toContain('binary');
    expect(errors(read('Quarterly report\nAll teams are on track\n', 'd.csv'))[0]).toContain('only one column');
  });

  it('honours a kind and mapping chosen by the user', () => {
    const file = read('A,B\r\nE1,python\r\n', 'x.csv', { kind: 'interests', mapping: { employee_id: 0, skill: 1 } });
    expect(file.records.values).toEqual([{ employee: 'E1', skill: 'python' }]);
  });
});

describe('levels', () => {
  it('reads numbers 0–5 and level words', () => {
    const text = 'Employee ID,Skill,Proficiency,Source\r\nE1,sql,Expert,test\r\nE1,python,intermediate,Self Assessment\r\nE2,sql,0,manager\r\nE2,excel,Novice,\r\nE3,sql,Foundation,\r\n';
    expect(read(text, 'a.csv').records.values.map((a) => ('level' in a ? a.level : null))).toEqual([5, 3, 0, 1, 2]);
  });

  it('never maps another scale silently: a column mostly off 0–5 asks its scale, and its numeric levels wait', () => {
    const text = 'employee_id,skill,level\r\nE1,sql,7\r\nE2,sql,3\r\nE3,sql,expert\r\nE4,sql,8\r\n';
    const file = read(text, 'lms.csv');
    expect(file.pending).toEqual([{ type: 'level-scale', column: 'level', observedMin: 3, observedMax: 8 }]);
    expect(errors(file)).toContain('lms.csv:2:level: level 7 is outside 0–5: confirm the scale of this column (e.g. --level-scale 1-8) so it can be mapped onto 0–5');
    // The 3 may be on the other scale too, so it waits; a word is unambiguous.
    expect(file.records.values).toEqual([{ employee: 'E3', skill: 'sql', level: 5, source: 'manager' }]);
  });

  it('reports a lone level above 5 among 0–5 levels at its cell, and keeps the column\'s other levels', () => {
    const file = read('role,skill,level\r\nData Analyst,sql,3\r\nData Analyst,python,7\r\nData Analyst,excel,expertish\r\nData Analyst,,2\r\n', 'roles.csv');
    expect(file.pending).toEqual([]);
    expect(errors(file)).toEqual([
      'roles.csv:3:level: level 7 is outside 0–5 while the column\'s other levels are on 0–5: correct it (if the whole column is on another scale, confirm it with --level-scale MIN-MAX); this row was left out',
      'roles.csv:4:level: "expertish" is not a level: write 0–5 or a word (none, awareness, basic, intermediate, advanced, expert)',
      'roles.csv:5:skill: skill is blank: write the skill this role requires',
    ]);
    const requirements = file.records.values.filter((r) => 'skill' in r && r.skill !== '');
    expect(requirements).toEqual([{ role: 'Data Analyst', roleName: 'Data Analyst', skill: 'sql', level: 3, weight: 'important' }]);
  });

  it('maps a confirmed scale linearly: 1–8 onto 1–5, percent onto 0–5', () => {
    const eight = read('employee_id,skill,level\r\nE1,sql,1\r\nE1,py,4\r\nE1,go,6\r\nE1,r,8\r\n', 'a.csv', { levelScale: { min: 1, max: 8 } });
    expect(eight.records.values.map((a) => ('level' in a ? a.level : -1))).toEqual([1, 3, 4, 5]);
    const percent = read('employee_id,skill,score\r\nE1,sql,0%\r\nE1,py,50%\r\nE1,go,85%\r\nE1,r,120%\r\n', 'b.csv', { levelScale: { min: 0, max: 100 } });
    expect(percent.records.values.map((a) => ('level' in a ? a.level : -1))).toEqual([0, 3, 4]);
    expect(errors(percent)).toEqual(['b.csv:5:score: level 120% is outside the confirmed scale 0–100: correct it']);
  });

  it('rejects levels that are not levels, and a required level of 0', () => {
    const file = read('role,skill,level\r\nAnalyst,sql,-1\r\nAnalyst,py,lots\r\nAnalyst,go,0\r\n', 'roles.csv');
    expect(errors(file)).toEqual([
      'roles.csv:2:level: level -1 is negative: levels run from 0 (none) to 5 (expert)',
      'roles.csv:3:level: "lots" is not a level: write 0–5 or a word (none, awareness, basic, intermediate, advanced, expert)',
      'roles.csv:4:level: a required or granted level must be 1–5 (0 means none): remove the row or correct the level',
    ]);
  });
});

describe('weights', () => {
  it('reads critical/important/nice-to-have and their synonyms; blank is important', () => {
    const text = 'Job Title,Competency,Required Level,Priority\r\nAnalyst,sql,3,High\r\nAnalyst,py,2,should\r\nAnalyst,go,1,Nice to have\r\nAnalyst,r,2,\r\nAnalyst,bi,2,1\r\nAnalyst,ml,2,urgent-ish\r\n';
    const file = read(text, 'roles.csv');
    // The row with a bad weight keeps its role (a role-only record), not its requirement.
    expect(file.records.values.filter((r) => 'skill' in r && r.skill !== '').map((r) => ('weight' in r ? r.weight : ''))).toEqual(['critical', 'important', 'nice-to-have', 'important', 'nice-to-have']);
    expect(errors(file)).toEqual(['roles.csv:7:Priority: "urgent-ish" is not a weight: write critical, important or nice-to-have (or high/medium/low, 3/2/1)']);
  });
});

describe('wide files', () => {
  it('reads wide roles: a column per skill, cells "3" or "3 (critical)", blanks not required', () => {
    const text = 'Role,SQL,Python,Stakeholder management\r\nData Analyst,3 (critical),2,\r\nData Engineer,4 - critical,4 (nice to have),1\r\nIntern,,,\r\n';
    const file = read(text, 'matrix.csv');
    expect(file.kind).toBe('roles');
    expect(file.wide).toBe(true);
    expect(file.records.values).toEqual([
      { role: 'Data Analyst', roleName: 'Data Analyst', skill: 'SQL', level: 3, weight: 'critical' },
      { role: 'Data Analyst', roleName: 'Data Analyst', skill: 'Python', level: 2, weight: 'important' },
      { role: 'Data Engineer', roleName: 'Data Engineer', skill: 'SQL', level: 4, weight: 'critical' },
      { role: 'Data Engineer', roleName: 'Data Engineer', skill: 'Python', level: 4, weight: 'nice-to-have' },
      { role: 'Data Engineer', roleName: 'Data Engineer', skill: 'Stakeholder management', level: 1, weight: 'important' },
      { role: 'Intern', roleName: 'Intern', skill: '', level: 0, weight: 'important' },
    ]);
    expect(file.records.rows).toEqual([2, 2, 3, 3, 3, 4]);
  });

  it('reads a skills matrix (wide assessments) as undated assessments, skipping employee columns', () => {
    const text = 'Employee ID,Name,Team,Role,SQL,Python,Excel\r\nE1,Ann Lee,Data,Analyst,4,2,\r\nE2,Bo Chen,Data,Analyst,advanced,-,5\r\n';
    const file = read(text, 'matrix.csv');
    expect(file.kind).toBe('assessments');
    expect(file.wide).toBe(true);
    expect(file.records.values).toEqual([
      { employee: 'E1', skill: 'SQL', level: 4, source: 'manager' },
      { employee: 'E1', skill: 'Python', level: 2, source: 'manager' },
      { employee: 'E2', skill: 'SQL', level: 4, source: 'manager' },
      { employee: 'E2', skill: 'Excel', level: 5, source: 'manager' },
    ]);
  });

  it('keeps an employees file with extra HR columns as employees', () => {
    const text = 'Employee ID,Name,Team,Role,Hire Date,Grade\r\nE1,Ann Lee,Data,Analyst,2021-04-01,G7\r\n';
    expect(read(text, 'hr.csv').kind).toBe('employees');
  });
});

describe('dates', () => {
  const awards = (rows: string): string => `employee_id,credential_id,issued_on,expires_on\r\n${rows}`;
  const dates = (file: ParsedFile): string[] => file.records.values.map((a) => ('issuedOn' in a ? `${a.issuedOn}/${a.expiresOn ?? ''}` : ''));

  it('reads ISO dates and timestamps', () => {
    expect(dates(read(awards('E1,c,2024-03-01,\r\nE1,d,2024-03-01T09:30:00Z,2025-03-01 00:00\r\n')))).toEqual(['2024-03-01/', '2024-03-01/2025-03-01']);
  });

  it('decides DD/MM per column when a day is over 12', () => {
    const file = read(awards('E1,c,25/03/2024,13/02/2027\r\nE2,c,04/05/2024,\r\nE3,c,06.07.2024,01/02/2027\r\n'));
    expect(dates(file)).toEqual(['2024-03-25/2027-02-13', '2024-05-04/', '2024-07-06/2027-02-01']);
    expect(file.pending).toEqual([]);
  });

  it('decides MM/DD per column when a second part is over 12, with - separators too', () => {
    expect(dates(read(awards('E1,c,03/25/2024,\r\nE2,c,04-05-2024,\r\n')))).toEqual(['2024-03-25/', '2024-04-05/']);
  });

  it('never guesses a column where every date is ambiguous: a pending decision, no rows committed', () => {
    const file = read(awards('E1,c,04/05/2024,\r\nE2,c,06/07/2024,\r\nE3,c,08/08/2024,\r\n'));
    expect(file.pending).toEqual([{ type: 'date-order', column: 'issued_on', samples: ['04/05/2024', '06/07/2024'] }]);
    // 08/08 reads the same either way.
    expect(dates(file)).toEqual(['2024-08-08/']);
    expect(errors(file)).toHaveLength(1);
    const decided = read(awards('E1,c,04/05/2024,\r\nE2,c,06/07/2024,\r\n'), 'a.csv', { dateOrderByColumn: { issued_on: 'MDY' } });
    expect(dates(decided)).toEqual(['2024-04-05/', '2024-06-07/']);
    expect(dates(read(awards('E1,c,04/05/2024,\r\n'), 'a.csv', { dateOrder: 'DMY' }))).toEqual(['2024-05-04/']);
  });

  it('reports a date that contradicts its column order', () => {
    const file = read(awards('E1,c,25/03/2024,\r\nE2,c,03/25/2024,\r\n'), 'a.csv', { dateOrder: 'DMY' });
    expect(errors(file)).toEqual(['a.csv:3:issued_on: "03/25/2024" is not a valid DD/MM/YYYY date, the order of this column: correct it or write it as YYYY-MM-DD']);
  });

  it('refuses 2-digit years with a message that says so', () => {
    expect(errors(read(awards('E1,c,25/03/24,\r\n')))).toEqual([
      'file.csv:2:issued_on: "25/03/24" has a 2-digit year, which is not accepted (1924 or 2024?): write the year in full, e.g. as YYYY-MM-DD',
    ]);
  });

  it('reads Excel serial dates in the 1900 system, with its 1900-02-29 bug', () => {
    expect(dates(read(awards('E1,c,45366,\r\nE2,c,1,59\r\nE3,c,61,\r\nE4,c,2958465,\r\n')))).toEqual([
      '2024-03-15/', '1900-01-01/1900-02-28', '1900-03-01/', '9999-12-31/',
    ]);
    expect(errors(read(awards('E1,c,60,\r\nE2,c,2958466,\r\n')))).toHaveLength(2);
  });

  it('reads month names and rejects impossible dates', () => {
    expect(dates(read(awards('E1,c,1 Mar 2024,"March 3, 2025"\r\n')))).toEqual(['2024-03-01/2025-03-03']);
    expect(errors(read(awards('E1,c,2024-02-30,\r\nE2,c,soon,\r\n')))).toEqual([
      'file.csv:2:issued_on: "2024-02-30" is not a calendar date: write it as YYYY-MM-DD',
      'file.csv:3:issued_on: "soon" is not a date: write it as YYYY-MM-DD (or DD/MM/YYYY)',
    ]);
  });

  it('reports an expiry before the issue date', () => {
    expect(errors(read(awards('E1,c,2024-03-01,2023-03-01\r\n'), 'awards.csv'))).toEqual([
      'awards.csv:2:expires_on: expires 2023-03-01, before it was issued on 2024-03-01: correct one of the dates',
    ]);
  });
});

describe('numbers and goals', () => {
  it('reports bad numbers with the value and what to write', () => {
    const text = 'credential_id,name,skill,level,hours,cost,validity_months\r\nc1,Course,sql,3,ten,-5,1.5\r\n';
    expect(errors(read(text, 'catalog.csv'))).toEqual([
      'catalog.csv:2:hours: hours "ten" is not a number, 0 or more, like 1200.50: correct it or leave it blank',
      'catalog.csv:2:cost: cost "-5" is not a number, 0 or more, like 1200.50: correct it or leave it blank',
      'catalog.csv:2:validity_months: validity_months "1.5" is not a whole number of months, 1 or more: correct it or leave it blank',
    ]);
  });

  it('gives goals their documented defaults', () => {
    const text = 'Employee ID,Credential ID,Due Date\r\nE1,aws-dea,2026-09-30\r\nE2,aws-dea,2026-01-31\r\n';
    expect(read(text, 'goals.csv', { importedOn: '2026-03-01' }).records.values).toEqual([
      { id: 'E1:aws-dea:2026-09-30', employee: 'E1', credential: 'aws-dea', dueOn: '2026-09-30', kind: 'organisational', status: 'assigned', assignedBy: '', createdOn: '2026-03-01' },
      { id: 'E2:aws-dea:2026-01-31', employee: 'E2', credential: 'aws-dea', dueOn: '2026-01-31', kind: 'organisational', status: 'assigned', assignedBy: '', createdOn: '2026-01-31' },
    ]);
  });
});

describe('robustness', () => {
  it('never throws and never reports an internal error, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const file = readCsvFile({ fileName: 'x.csv', bytes });
        expect(file.issues.some((i) => i.message.startsWith('internal error'))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on CSV-like text of any kind', () => {
    const token = fc.constantFrom('employee_id', 'skill', 'level', 'Role', 'issued_on', 'credential_id', 'due_on', 'name', 'team', '"', ',', ';', '\t', '\r\n', '\n', '7', '3 (critical)', '31/12/2024', '01/02/2024', '45000', '=1', "'", ' ', 'é');
    fc.assert(
      fc.property(fc.array(fc.oneof(token, fc.string()), { maxLength: 60 }), (parts) => {
        const file = readCsvFile({ fileName: 'x.csv', text: parts.join('') });
        expect(file.issues.some((i) => i.message.startsWith('internal error'))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
