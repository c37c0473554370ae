// CSV import and export (SPEC §4, §5): the public face of src/domain/csv. Pure functions over bytes
// or text, the same in a browser Web Worker and in Node.
export type {
  CatalogRecord, ColumnMapping, CsvReadOptions, CsvValue, CsvWriteOptions, DateOrder, Delimiter, ImportIssue,
  IssueCode, KindRecords, LevelScale, ParsedFile, PendingDecision, RequirementRecord, RowWithError, TextEncodingName,
} from './types';
export { decodeCsvBytes } from './decode';
export type { DecodedText } from './decode';
export { detectDelimiter } from './detectDelimiter';
export { formatIssue, issueLines } from './formatIssue';
export type { IssueLineOptions } from './formatIssue';
export { neutraliseFormula, undoNeutralisation, looksLikeFormula } from './formula';
export { CANONICAL_COLUMNS, detectKind, normaliseHeader, proposeMapping } from './headers';
export type { ProposedMapping } from './headers';
export { parseCsvRecords } from './parse';
export { readCsvFile } from './readCsvFile';
export { locateInSheets, sheetCell } from './sheetCells';
export { credlyJsonRecords, isBadgeTemplateFile, mapBadgeTemplates } from './credly';
export {
  columnReferences, readAssessmentColumns, readAssessmentRefColumns, readAwardColumns, readAwardRefColumns,
  resolveAssessmentColumns, resolveAwardColumns,
} from './readRecordColumns';
export type { AssessmentRefColumns, AwardRefColumns, ColumnReferences } from './readRecordColumns';
export { assembleOrganisation } from './assembleOrganisation';
export type { AssembleResult } from './assembleOrganisation';
export { excelSerialToIso, mapLevelOntoScale, parseLevelScale } from './values';
export {
  csvTemplate, csvText, gapLongCsv, gapLongTableCsvChunks, gapTeamCsv, gapTeamCsvChunks, goalsCsv, organisationCsvFiles, organisationRows,
  recommendationCsv, recommendationCsvChunks, writeCsv, writeCsvChunks,
} from './writeCsv';
