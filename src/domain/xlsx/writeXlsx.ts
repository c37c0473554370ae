// Writes .xlsx workbooks (SPEC §5 exports for people who live in Excel): the sheet XML is written
// here and zipped by fflate, both plain JS, so the same code runs in `gapmap`, the server and the
// browser host's API worker. No shared strings and no formulas: every text cell is an inline
// string, so text that starts with = + - @ is shown as text and never run (it is also marked with
// Excel's own quote prefix, so editing the cell keeps it text).
import { Zip, ZipDeflate } from 'fflate';
import { looksLikeFormula } from '../csv/formula';
import { isIsoDate, toDayNumber } from '../dates';
import { escapeXmlText } from './xmlText';
import { concatBytes } from '../concatBytes';

/** Rows one Excel sheet holds, header row included. */
export const EXCEL_MAX_ROWS = 1_048_576;
/** Characters one Excel cell holds. */
const EXCEL_MAX_CELL_CHARS = 32_767;

export type XlsxColumnType = 'text' | 'number' | 'date' | 'percent';

export interface XlsxColumn {
  header: string;
  /** How the column's values are written: a `date` column turns ISO days into Excel dates. */
  type: XlsxColumnType;
  /** Width in characters; default from the header and the type. */
  width?: number;
}

/** A cell that is a date (an ISO day) or a moment (an ISO instant) whatever its column. */
export interface XlsxDate {
  date: string;
}
export interface XlsxMoment {
  moment: string;
}
export type XlsxValue = string | number | XlsxDate | XlsxMoment | null | undefined;

export interface XlsxSheet {
  name: string;
  columns: readonly XlsxColumn[];
  rows: Iterable<readonly XlsxValue[]>;
  /** A data table: bold frozen header row and an autofilter over its columns (default true). */
  table?: boolean;
  /** Whether the header row is written (default true). */
  header?: boolean;
}

// Cell styles, indices into styles.xml's cellXfs.
const STYLE_HEADER = 1;
const STYLE_DATE = 2;
const STYLE_PERCENT = 3;
const STYLE_QUOTED_TEXT = 4;
const STYLE_MOMENT = 5;
const STYLE_LABEL = 6;
const STYLE_WRAPPED = 7;

const STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="8">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

/** Excel's serial day number of an ISO day (1900 date system; every day we write is after 1900-03-01). */
export function excelSerialOf(date: string): number {
  return toDayNumber(date) + EXCEL_SERIAL_OF_EPOCH;
}
/** Serial of 1970-01-01, Gapmap's day 0 (toDayNumber counts days from it). */
const EXCEL_SERIAL_OF_EPOCH = 25_569;

/** The serial (with the day's fraction) of an ISO instant, as UTC wall-clock time. */
function excelMomentOf(instant: string): number | null {
  const ms = Date.parse(instant);
  return Number.isFinite(ms) ? ms / 86_400_000 + EXCEL_SERIAL_OF_EPOCH : null;
}

/** Column letters of a zero-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, not blank, unique in `taken` (lower case). */
export function safeSheetName(wanted: string, taken: Set<string>): string {
  const base = (wanted.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Sheet').slice(0, 31);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function textCell(ref: string, value: string): string {
  const text = value.length > EXCEL_MAX_CELL_CHARS ? value.slice(0, EXCEL_MAX_CELL_CHARS) : value;
  const style = looksLikeFormula(text) ? ` s="${STYLE_QUOTED_TEXT}"` : '';
  const space = text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32 ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${escapeXmlText(text)}</t></is></c>`;
}

function numberCell(ref: string, value: number, style: number): string {
  return `<c r="${ref}"${style === 0 ? '' : ` s="${style}"`}><v>${value}</v></c>`;
}

/** One cell's XML, or '' for an empty cell; `plainStyle` styles plain (not formula-like) text. */
function cellXml(ref: string, value: XlsxValue, type: XlsxColumnType, plainStyle = 0): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return numberCell(ref, value, type === 'percent' ? STYLE_PERCENT : type === 'date' ? STYLE_DATE : 0);
  }
  if (typeof value === 'object') {
    if ('date' in value) return isIsoDate(value.date) ? numberCell(ref, excelSerialOf(value.date), STYLE_DATE) : textCell(ref, value.date);
    const serial = excelMomentOf(value.moment);
    return serial === null ? textCell(ref, value.moment) : numberCell(ref, serial, STYLE_MOMENT);
  }
  if (type === 'date' && isIsoDate(value)) return numberCell(ref, excelSerialOf(value), STYLE_DATE);
  if (plainStyle !== 0 && !looksLikeFormula(value)) {
    return `<c r="${ref}" s="${plainStyle}" t="inlineStr"><is><t xml:space="preserve">${escapeXmlText(value)}</t></is></c>`;
  }
  return textCell(ref, value);
}

function defaultWidth(column: XlsxColumn): number {
  const byType = column.type === 'date' ? 12 : column.type === 'text' ? 14 : 9;
  return Math.min(60, Math.max(byType, column.header.length + 3));
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Sheet XML in pieces of about 1 MB, written as the rows come; `rowCount` is set when done. */
function* sheetXmlPieces(sheet: XlsxSheet, result: { rowCount: number }): Generator<string> {
  const table = sheet.table ?? true;
  const withHeader = sheet.header ?? true;
  const letters = sheet.columns.map((_, index) => columnLetters(index));
  const types = sheet.columns.map((column) => column.type);
  // A sheet that is not a table (the About sheet) is labels in bold and values wrapped.
  const plainStyles = sheet.columns.map((_, index) => (table ? 0 : index === 0 ? STYLE_LABEL : STYLE_WRAPPED));
  let xml = `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;
  xml += table
    ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  xml += '<sheetFormatPr defaultRowHeight="15"/><cols>';
  sheet.columns.forEach((column, index) => {
    xml += `<col min="${index + 1}" max="${index + 1}" width="${column.width ?? defaultWidth(column)}" customWidth="1"/>`;
  });
  xml += '</cols><sheetData>';
  let row = 0;
  if (withHeader) {
    row = 1;
    xml += '<row r="1">';
    sheet.columns.forEach((column, index) => {
      xml += `<c r="${letters[index]}1" s="${STYLE_HEADER}" t="inlineStr"><is><t>${escapeXmlText(column.header)}</t></is></c>`;
    });
    xml += '</row>';
  }
  const parts: string[] = [xml];
  let size = xml.length;
  for (const values of sheet.rows) {
    row++;
    let rowXml = `<row r="${row}">`;
    for (let c = 0; c < values.length && c < letters.length; c++) {
      const value = values[c];
      if (value === null || value === undefined || value === '') continue;
      rowXml += cellXml(`${letters[c]}${row}`, value, types[c]!, plainStyles[c]);
    }
    rowXml += '</row>';
    parts.push(rowXml);
    size += rowXml.length;
    if (size >= 1 << 20) {
      yield parts.join('');
      parts.length = 0;
      size = 0;
    }
  }
  let tail = '</sheetData>';
  if (table && sheet.columns.length > 0) tail += `<autoFilter ref="A1:${letters[letters.length - 1]}${Math.max(row, 1)}"/>`;
  tail += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
  parts.push(tail);
  yield parts.join('');
  result.rowCount = row;
}

function quoteSheetName(name: string): string {
  return `'${name.replaceAll("'", "''")}'`;
}

function workbookXml(names: readonly string[], filters: readonly { sheet: number; ref: string }[]): string {
  const sheets = names.map((name, index) => `<sheet name="${escapeXmlText(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join('');
  const defined = filters.length === 0
    ? ''
    : `<definedNames>${filters.map(({ sheet, ref }) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${sheet}" hidden="1">${escapeXmlText(`${quoteSheetName(names[sheet]!)}!${ref}`)}</definedName>`).join('')}</definedNames>`;
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets}</sheets>${defined}</workbook>`;
}

function workbookRelsXml(count: number): string {
  let rels = '';
  for (let i = 1; i <= count; i++) {
    rels += `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`;
  }
  rels += `<Relationship Id="rId${count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`;
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;
}

function contentTypesXml(count: number): string {
  let overrides = '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>';
  for (let i = 1; i <= count; i++) {
    overrides += `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
  }
  overrides += '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>';
  overrides += '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>';
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`;
}

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

function corePropsXml(title: string, createdAt: string | undefined): string {
  const created = createdAt ? `<dcterms:created xsi:type="dcterms:W3CDTF">${escapeXmlText(createdAt)}</dcterms:created>` : '';
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXmlText(title)}</dc:title><dc:creator>Gapmap</dc:creator>${created}</cp:coreProperties>`;
}

export interface XlsxWorkbookOptions {
  /** The document title Excel shows in its properties. */
  title?: string;
  /** When the workbook was made (ISO instant), kept in its properties. */
  createdAt?: string;
  /** Deflate level 1–9: 1 (the default) is about 3× faster than 6 and barely larger for sheet XML. */
  level?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

const textEncoder = new TextEncoder();

/**
 * The workbook as zip chunks, made as the rows are read: a sheet of a million rows is never one
 * string. Sheets keep their given order and names (make them safe with safeSheetName first).
 */
export function* writeXlsxChunks(sheets: readonly XlsxSheet[], options: XlsxWorkbookOptions = {}): Generator<Uint8Array> {
  const out: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    out.push(chunk);
  });
  const level = options.level ?? 1;
  const addFile = (path: string, text: string): void => {
    const file = new ZipDeflate(path, { level });
    zip.add(file);
    file.push(textEncoder.encode(text), true);
  };
  addFile('[Content_Types].xml', contentTypesXml(sheets.length));
  addFile('_rels/.rels', ROOT_RELS);
  addFile('docProps/core.xml', corePropsXml(options.title ?? 'Gapmap export', options.createdAt));
  addFile('xl/styles.xml', STYLES_XML);
  yield* out.splice(0);
  const filters: { sheet: number; ref: string }[] = [];
  for (let index = 0; index < sheets.length; index++) {
    const sheet = sheets[index]!;
    const file = new ZipDeflate(`xl/worksheets/sheet${index + 1}.xml`, { level });
    zip.add(file);
    const result = { rowCount: 0 };
    let previous: string | undefined;
    // Each piece is pushed once the next is known, so the last one can say it is the last.
    for (const piece of sheetXmlPieces(sheet, result)) {
      if (previous !== undefined) file.push(textEncoder.encode(previous));
      previous = piece;
      if (out.length > 0) yield* out.splice(0);
    }
    file.push(textEncoder.encode(previous ?? ''), true);
    yield* out.splice(0);
    if ((sheet.table ?? true) && sheet.columns.length > 0) {
      filters.push({ sheet: index, ref: `$A$1:$${columnLetters(sheet.columns.length - 1)}$${Math.max(result.rowCount, 1)}` });
    }
  }
  addFile('xl/workbook.xml', workbookXml(sheets.map((sheet) => sheet.name), filters));
  addFile('xl/_rels/workbook.xml.rels', workbookRelsXml(sheets.length));
  zip.end();
  yield* out.splice(0);
}

/** writeXlsxChunks as one byte array. */
export function writeXlsx(sheets: readonly XlsxSheet[], options?: XlsxWorkbookOptions): Uint8Array {
  return concatBytes([...writeXlsxChunks(sheets, options)]);
}
