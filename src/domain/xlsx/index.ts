// Excel workbooks in and out (SPEC §4 import, §5 export): the public face of src/domain/xlsx.
export { EXCEL_MAX_ROWS, columnLetters, excelSerialOf, safeSheetName, writeXlsx, writeXlsxChunks } from './writeXlsx';
export type { XlsxColumn, XlsxColumnType, XlsxDate, XlsxMoment, XlsxSheet, XlsxValue, XlsxWorkbookOptions } from './writeXlsx';
export { ABOUT_SHEET_NAME, excelSerialDay, isOldOfficeFile, isZip, listXlsxSheets, readXlsxSheet } from './readXlsx';
export type { XlsxReadResult } from './readXlsx';
export {
  GAP_LONG_XLSX_COLUMNS, GAP_TEAM_XLSX_COLUMNS, GOALS_XLSX_COLUMNS, columnsOfCsv, gapLongReportTable, gapLongTableReportTable,
  gapTeamReportTable, goalsReportTable, readableHeader, reportWorkbook,
} from './reportWorkbook';
export type { ReportAbout, ReportTable, ReportWorkbook, ReportWorkbookOptions } from './reportWorkbook';
export { organisationWorkbook } from './organisationWorkbook';
