// Reads one sheet of an .xlsx workbook as rows of text cells (SPEC §4 import of Excel files), so the
// CSV reader's detection, mapping and checks apply unchanged. Cells typed as dates become ISO days,
// numbers their shortest exact text (0.1 stays 0.1), formulas their last computed value. Plain JS
// (fflate and regular expressions over the sheet XML): runs in the API worker and in Node.
import { unzipSync } from 'fflate';
import { fromDayNumber } from '../dates';
import { unescapeXmlText } from './xmlText';

/** The sheet Gapmap's own exports put first: skipped when no sheet is chosen, so an export reads back. */
export const ABOUT_SHEET_NAME = 'About this report';

export type XlsxReadResult =
  | {
      ok: true;
      /** The sheet read. */
      sheet: string;
      /** Every sheet of the workbook, in order. */
      sheets: string[];
      /** records[i] is spreadsheet row i + 1 (missing rows are empty records); trailing empty cells dropped. */
      records: string[][];
    }
  | { ok: false; message: string; sheets: string[] };

/** True when the bytes are a zip archive (an .xlsx workbook is one). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** True when the bytes are an old binary Office file (.xls). */
export function isOldOfficeFile(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

const utf8 = new TextDecoder('utf-8');

const attributePatterns = new Map<string, RegExp>();

function attribute(tag: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  const match = pattern.exec(tag);
  return match ? unescapeXmlText(match[1] ?? match[2] ?? '') : undefined;
}

/** The text of every <t> of a string item, phonetic runs (<rPh>) left out. */
function stringItemText(xml: string): string {
  const withoutPhonetic = xml.indexOf('<rPh') === -1 ? xml : xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let text = '';
  const pattern = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g;
  for (let match = pattern.exec(withoutPhonetic); match; match = pattern.exec(withoutPhonetic)) text += match[1] ?? '';
  return unescapeXmlText(text);
}

function sharedStringsOf(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const strings: string[] = [];
  const pattern = /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g;
  for (let match = pattern.exec(xml); match; match = pattern.exec(xml)) strings.push(stringItemText(match[1] ?? ''));
  return strings;
}

/** Built-in number formats that show a date (ECMA-376 §18.8.30, with the East Asian ones). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);

/** Whether a custom format code shows a date: a d or y outside quotes, brackets and escapes. */
function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '');
  return /[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare) && !/0|#/.test(bare));
}

/** For each cell style index, whether it shows a date. */
function dateStylesOf(xml: string | undefined): boolean[] {
  if (xml === undefined) return [];
  const custom = new Map<number, string>();
  const formats = /<numFmt\b[^>]*>/g;
  for (let match = formats.exec(xml); match; match = formats.exec(xml)) {
    const id = Number(attribute(match[0], 'numFmtId'));
    custom.set(id, attribute(match[0], 'formatCode') ?? '');
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const styles: boolean[] = [];
  const xfs = /<xf\b[^>]*>/g;
  for (let match = xfs.exec(cellXfs); match; match = xfs.exec(cellXfs)) {
    const id = Number(attribute(match[0], 'numFmtId') ?? 0);
    const code = custom.get(id);
    styles.push(code !== undefined ? isDateFormatCode(code) : BUILT_IN_DATE_FORMATS.has(id));
  }
  return styles;
}

/** The ISO day of an Excel serial (the day part of a date-time); null when it is no day Excel shows. */
export function excelSerialDay(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  const whole = Math.floor(serial + 1e-9);
  // 1900 system: serial 25569 is 1970-01-01; serials below 61 count Excel's phantom 1900-02-29.
  const epochDay = date1904 ? whole - 24_107 : whole < 61 ? whole - 25_568 : whole - 25_569;
  if (!date1904 && (whole === 60 || whole === 0)) return null;
  return fromDayNumber(epochDay);
}

/** A number's text as a person typed it: the shortest text that reads back as the same number. */
function numberText(raw: string): string {
  const value = Number(raw);
  return Number.isFinite(value) ? String(value) : raw;
}

/** Zero-based column index of a cell reference's letters ("C7" → 2). */
function columnIndexOf(ref: string): number {
  let index = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return i === 0 ? -1 : index - 1;
}

function rowNumberOf(ref: string): number {
  const match = /\d+$/.exec(ref);
  return match ? Number(match[0]) : -1;
}

interface Workbook {
  sheets: { name: string; path: string }[];
  date1904: boolean;
}

function workbookOf(files: Record<string, Uint8Array>): Workbook | null {
  const workbook = files['xl/workbook.xml'];
  if (!workbook) return null;
  const xml = utf8.decode(workbook);
  const relsXml = files['xl/_rels/workbook.xml.rels'] ? utf8.decode(files['xl/_rels/workbook.xml.rels']) : '';
  const targets = new Map<string, string>();
  const rels = /<Relationship\b[^>]*>/g;
  for (let match = rels.exec(relsXml); match; match = rels.exec(relsXml)) {
    const id = attribute(match[0], 'Id');
    const target = attribute(match[0], 'Target');
    if (id !== undefined && target !== undefined) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: Workbook['sheets'] = [];
  const sheetTags = /<sheet\b[^>]*>/g;
  for (let match = sheetTags.exec(xml); match; match = sheetTags.exec(xml)) {
    const name = attribute(match[0], 'name') ?? `Sheet${sheets.length + 1}`;
    const id = attribute(match[0], 'r:id') ?? /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(match[0])?.[1];
    const path = (id !== undefined ? targets.get(id) : undefined) ?? `xl/worksheets/sheet${sheets.length + 1}.xml`;
    sheets.push({ name, path });
  }
  const workbookPr = /<workbookPr\b[^>]*>/.exec(xml)?.[0] ?? '';
  const date1904 = /^(1|true)$/.test(attribute(workbookPr, 'date1904') ?? '');
  return { sheets, date1904 };
}

/** The names of a workbook's sheets, in order ([] when the bytes are no workbook). */
export function listXlsxSheets(bytes: Uint8Array): string[] {
  try {
    const files = unzipSync(bytes, { filter: (file) => file.name === 'xl/workbook.xml' || file.name === 'xl/_rels/workbook.xml.rels' });
    return workbookOf(files)?.sheets.map((sheet) => sheet.name) ?? [];
  } catch {
    return [];
  }
}

/**
 * Reads the named sheet as rows of text. Without a name: the first sheet named as one of `preferred`
 * (a workbook with a sheet per kind), else the first, after a Gapmap "About this report" sheet.
 * Never throws: a damaged or foreign zip comes back as a message for the user.
 */
export function readXlsxSheet(bytes: Uint8Array, sheetName?: string, preferred: readonly string[] = []): XlsxReadResult {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => file.name.startsWith('xl/') && !file.name.startsWith('xl/media/') });
  } catch (error) {
    return { ok: false, sheets: [], message: `this Excel workbook (or zip file) is damaged and cannot be opened (${error instanceof Error ? error.message : String(error)}): save it again from Excel as .xlsx or CSV` };
  }
  const workbook = workbookOf(files);
  if (!workbook) {
    return { ok: false, sheets: [], message: 'this is a zip file but not an Excel workbook (.xlsx): export the data as .xlsx or CSV' };
  }
  const names = workbook.sheets.map((sheet) => sheet.name);
  if (workbook.sheets.length === 0) return { ok: false, sheets: names, message: 'the workbook has no sheets' };
  let chosen = workbook.sheets[0]!;
  if (sheetName !== undefined && sheetName !== '') {
    const found = workbook.sheets.find((sheet) => sheet.name === sheetName) ?? workbook.sheets.find((sheet) => sheet.name.toLowerCase() === sheetName.toLowerCase());
    if (!found) return { ok: false, sheets: names, message: `the workbook has no sheet called "${sheetName}" (its sheets: ${names.join(', ')}): choose one of them` };
    chosen = found;
  } else {
    const named = workbook.sheets.find((sheet) => preferred.includes(sheet.name.trim().toLowerCase()));
    if (named) chosen = named;
    else if (chosen.name === ABOUT_SHEET_NAME && workbook.sheets.length > 1) chosen = workbook.sheets[1]!;
  }
  const sheetBytes = files[chosen.path];
  if (!sheetBytes) return { ok: false, sheets: names, message: `the sheet "${chosen.name}" is missing from the workbook: save it again from Excel` };
  const shared = sharedStringsOf(files['xl/sharedStrings.xml'] ? utf8.decode(files['xl/sharedStrings.xml']) : undefined);
  const dateStyles = dateStylesOf(files['xl/styles.xml'] ? utf8.decode(files['xl/styles.xml']) : undefined);
  const records = sheetRecords(utf8.decode(sheetBytes), shared, dateStyles, workbook.date1904);
  return { ok: true, sheet: chosen.name, sheets: names, records };
}

/** Rows and cells of a sheet's XML, in one pass over its <row> and <c> tags. */
function sheetRecords(xml: string, shared: readonly string[], dateStyles: readonly boolean[], date1904: boolean): string[][] {
  const records: string[][] = [];
  const start = xml.indexOf('<sheetData');
  const end = xml.lastIndexOf('</sheetData>');
  if (start === -1 || end === -1) return records;
  const data = xml.slice(start, end);
  const pattern = /<row\b([^>]*?)\/?>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  let record: string[] | undefined;
  let rowIndex = -1;
  let nextColumn = 0;
  for (let match = pattern.exec(data); match; match = pattern.exec(data)) {
    if (match[1] !== undefined) {
      const r = Number(attribute(match[1], 'r'));
      rowIndex = Number.isInteger(r) && r > 0 ? r - 1 : rowIndex + 1;
      while (records.length <= rowIndex) records.push([]);
      record = records[rowIndex]!;
      nextColumn = 0;
      continue;
    }
    const attributes = match[2] ?? '';
    const ref = attribute(attributes, 'r');
    if (record === undefined) {
      // A cell outside any <row>: not valid, but place it by its reference when it has one.
      rowIndex = ref !== undefined ? rowNumberOf(ref) - 1 : rowIndex + 1;
      if (rowIndex < 0) continue;
      while (records.length <= rowIndex) records.push([]);
      record = records[rowIndex]!;
    }
    const column = ref !== undefined ? columnIndexOf(ref) : nextColumn;
    if (column < 0) continue;
    nextColumn = column + 1;
    const value = cellText(attributes, match[3] ?? '', shared, dateStyles, date1904);
    if (value === '') continue;
    while (record.length < column) record.push('');
    record[column] = value;
  }
  return records;
}

function cellText(attributes: string, inner: string, shared: readonly string[], dateStyles: readonly boolean[], date1904: boolean): string {
  const type = attribute(attributes, 't') ?? 'n';
  if (type === 'inlineStr') {
    const is = /<is\b[^>]*>([\s\S]*?)<\/is>/.exec(inner);
    return is ? stringItemText(is[1] ?? '') : '';
  }
  const v = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  if (v === undefined) return '';
  switch (type) {
    case 's':
      return shared[Number(v)] ?? '';
    case 'str':
    case 'e':
      return unescapeXmlText(v);
    case 'b':
      return v === '1' ? 'TRUE' : 'FALSE';
    case 'd':
      return unescapeXmlText(v).slice(0, 10);
    default: {
      const style = Number(attribute(attributes, 's') ?? 0);
      if (dateStyles[style]) return excelSerialDay(Number(v), date1904) ?? numberText(v);
      return numberText(v);
    }
  }
}
