// The .xlsx benchmark (issue 14, `npm run bench:xlsx`): export of 100,000 rows of the long gap report
// of the 100,000-employee organisation as a workbook, by Gapmap's writer (sheet XML + fflate) and,
// for the choice of writer, by exceljs's streaming WorkbookWriter; and import of 100,000 award rows
// from a workbook through the import's reader (readCsvFile). Prints a Markdown table for
// docs/benchmarks.md; run alone (it takes a core for about a minute).
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { generateOrganisation } from '../../src/domain/demo/generate';
import { gapReportLongTable, prepareOrganisation } from '../../src/domain/engine';
import { readCsvFile } from '../../src/domain/csv';
import { GAP_LONG_XLSX_COLUMNS, gapLongTableReportTable, reportWorkbook, writeXlsx, type ReportTable } from '../../src/domain/xlsx';

const AS_OF = '2026-06-30';
const ROWS = 100_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function time(run: () => unknown): Promise<number[]> {
  const seconds: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    seconds.push((performance.now() - started) / 1000);
  }
  return seconds;
}

const folder = mkdtempSync(join(tmpdir(), 'gapmap-bench-xlsx-'));
try {
  const organisation = generateOrganisation({ employees: 100_000, seed: 7, asOf: AS_OF });
  const eo = prepareOrganisation(organisation);
  const roleNames = new Map(organisation.roles.map((role) => [role.id, role.name]));
  const full = gapLongTableReportTable(gapReportLongTable(eo, AS_OF), (id) => roleNames.get(id) ?? id);
  // The first 100,000 rows of the long report (about a tenth of the organisation, a filtered view).
  const table: ReportTable = { ...full, rowCount: Math.min(ROWS, full.rowCount) };
  const about = { title: 'Gap report', asOf: AS_OF, evidence: 'All evidence', filters: '', scope: 'Whole organisation', madeAt: new Date().toISOString(), madeBy: 'bench', madeWith: 'bench' };

  let bytes: Uint8Array = new Uint8Array(0);
  const ours = await time(() => {
    const result = reportWorkbook(about, table);
    if (!result.ok) throw new Error(result.message);
    bytes = result.bytes;
  });
  const ourFile = join(folder, 'ours.xlsx');
  writeFileSync(ourFile, bytes);

  const theirFile = join(folder, 'exceljs.xlsx');
  const exceljs = await time(async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: theirFile, useSharedStrings: false, useStyles: true });
    const sheet = workbook.addWorksheet('Gap report', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = GAP_LONG_XLSX_COLUMNS.map((column) => ({ header: column.header }));
    for (let i = 0; i < table.rowCount; i++) sheet.addRow(table.rowAt(i) as ExcelJS.CellValue[]).commit();
    sheet.commit();
    await workbook.commit();
  });

  // Import: 100,000 award rows typed as an HR system's Excel export would have them (dates as dates).
  const awards = organisation.awards.slice(0, ROWS);
  const awardsWorkbook = writeXlsx([{
    name: 'Awards',
    columns: [{ header: 'Employee ID', type: 'text' }, { header: 'Credential ID', type: 'text' }, { header: 'Issued On', type: 'date' }, { header: 'Expires On', type: 'date' }],
    rows: awards.map((award) => [award.employee, award.credential, award.issuedOn, award.expiresOn]),
  }]);
  let read = 0;
  const importSeconds = await time(() => {
    const parsed = readCsvFile({ fileName: 'awards.xlsx', bytes: awardsWorkbook });
    if (parsed.issues.some((issue) => issue.severity === 'error')) throw new Error('the awards workbook did not read cleanly');
    read = parsed.records.values.length;
  });

  const line = (what: string, seconds: number[], size: string) => `| ${what} | ${median(seconds).toFixed(2)} | ${seconds.map((s) => s.toFixed(2)).join(', ')} | ${size} |`;
  const mb = (value: number) => `${(value / 1024 / 1024).toFixed(1)} MB`;
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB, Linux ${release()}, Node ${process.version}; load ${loadavg().map((l) => l.toFixed(1)).join(' ')} at start; ${RUNS} runs.`);
  console.log('');
  console.log('| what | median s | runs s | file |');
  console.log('| --- | ---: | --- | ---: |');
  console.log(line(`export: ${table.rowCount.toLocaleString('en')} rows of the long gap report as .xlsx (Gapmap's writer: sheet XML + fflate, About sheet, frozen header, filters)`, ours, mb(statSync(ourFile).size)));
  console.log(line(`export: the same rows by exceljs 4.4 stream.xlsx.WorkbookWriter, useSharedStrings false (for comparison)`, exceljs, mb(statSync(theirFile).size)));
  console.log(line(`import: ${read.toLocaleString('en')} award rows from an .xlsx sheet (readCsvFile: unzip, sheet XML, detection, checks)`, importSeconds, mb(awardsWorkbook.length)));
} finally {
  rmSync(folder, { recursive: true, force: true });
}
