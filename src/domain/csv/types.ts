// The shapes CSV import and export exchange with the rest of Gapmap (SPEC §4, §5): options,
// located issues, pending user decisions and the records read from one file, references unresolved.
import type { Assessment, Award, Employee, Goal, Grant, Interest, IsoDate, RecordKind, Skill, Weight } from '../schema';

export type Delimiter = ',' | ';' | '\t';
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** One problem found while importing, located as a spreadsheet shows it. */
export interface ImportIssue {
  file: string;
  /** Spreadsheet row: the header is row 1; 0 = the whole file. */
  row: number;
  /** The header as written in the file; '' for a file-level issue. */
  column: string;
  value: string;
  /** Says what is wrong and what to do. */
  message: string;
  severity: 'error' | 'warning';
  /**
   * What kind of finding this is, for findings that repeat by nature (a created skill, a repeated
   * row…): the CLI prints one summary line per code instead of one line per row.
   */
  code?: IssueCode;
  /** In a workbook: the sheet and cell (`Awards!C7`), or the sheet and row (`Awards!7`). */
  cell?: string;
}

/** Kinds of finding the CLI summarises (see formatIssue.summariseWarnings). */
export type IssueCode =
  | 'skill-created'
  | 'duplicate-row'
  | 'assessment-conflict'
  | 'refers-to-row-with-error';

/**
 * A data row left out because of an error in it: `refs` are the values other files may use to
 * refer to its record (id, email, name), so a row referring to it can say "has an error" instead
 * of "does not exist".
 */
export interface RowWithError {
  row: number;
  refs: string[];
}

export type DateOrder = 'DMY' | 'MDY';

/** Another platform's level scale (1–8, 1–7, 0–100…), mapped onto 0–5 only when the user gives it. */
export interface LevelScale {
  min: number;
  max: number;
}

/** Canonical field (employee_id, issued_on…) → column index in the file. */
export type ColumnMapping = Record<string, number>;

export interface CsvReadOptions {
  /** Overrides the kind detected from the headers. */
  kind?: RecordKind;
  /** Overrides the proposed mapping (fields absent from it are not read). */
  mapping?: ColumnMapping;
  /** The order of every DD/MM vs MM/DD date column of the file (`--date-format`). */
  dateOrder?: DateOrder;
  /** Per column, keyed by the header as written (or the canonical field); wins over `dateOrder`. */
  dateOrderByColumn?: Record<string, DateOrder>;
  /** The scale of the file's level columns (`--level-scale 1-8`). */
  levelScale?: LevelScale;
  /**
   * The day of the import, the creation date of imported goals without `created_on`
   * (capped at their due date). Default: today.
   */
  importedOn?: IsoDate;
  /** The sheet of an .xlsx workbook to read (default: the first; see readXlsxSheet). */
  sheet?: string;
}

/** A choice the user must make before some rows can be committed; never guessed. */
export type PendingDecision =
  | { type: 'date-order'; column: string; samples: string[] }
  | { type: 'level-scale'; column: string; observedMin: number; observedMax: number }
  /** A badge platform's template (Credly) no catalog credential matches yet: the user maps it once. */
  | { type: 'badge-template'; column: string; templateId: string; templateName?: string; rows: number };

/** A role requirement row (long or wide roles file); `role` is the role's id and name. */
export interface RequirementRecord {
  role: string;
  /** Display name from an optional `role_name` column; the role column otherwise. */
  roleName: string;
  /** Blank for a role listed without requirements. */
  skill: string;
  level: number;
  weight: Weight;
}

/**
 * One catalog row: the credential's fields as stated on that row (undefined = left blank, which
 * means "same as its other rows") and the one skill it grants, if any.
 */
export interface CatalogRecord {
  id: string;
  name?: string;
  issuer?: string;
  hours?: number;
  cost?: number;
  currency?: string;
  validityMonths?: number;
  components?: string[];
  url?: string;
  grant?: Grant;
}

/**
 * Records as read from one file: `values[i]` came from spreadsheet row `rows[i]`. References
 * (employee, role, skill, credential, manager, components) are as written: an id, a name or an
 * email; assembleOrganisation resolves them. Parallel arrays keep a million awards compact.
 */
export type KindRecords =
  | { kind: 'employees'; values: Employee[]; rows: number[] }
  | { kind: 'skills'; values: Skill[]; rows: number[] }
  | { kind: 'roles'; values: RequirementRecord[]; rows: number[] }
  | { kind: 'catalog'; values: CatalogRecord[]; rows: number[] }
  | { kind: 'awards'; values: Award[]; rows: number[] }
  | { kind: 'assessments'; values: Assessment[]; rows: number[] }
  | { kind: 'goals'; values: Goal[]; rows: number[] }
  | { kind: 'interests'; values: Interest[]; rows: number[] }
  | { kind: null; values: never[]; rows: number[] };

export interface ParsedFile {
  fileName: string;
  kind: RecordKind | null;
  encoding: TextEncodingName;
  bom: boolean;
  delimiter: Delimiter;
  /** Headers as written (formula neutralisation undone, trimmed). */
  headers: string[];
  mapping: ColumnMapping;
  /** A wide file: one column per skill (roles, or an assessments skills matrix). */
  wide: boolean;
  /** Data rows in the file (blank rows excluded). */
  rowCount: number;
  records: KindRecords;
  issues: ImportIssue[];
  pending: PendingDecision[];
  /** An .xlsx workbook: the sheet read, and all its sheets (absent for CSV). */
  sheet?: string;
  sheets?: string[];
  /** A badge platform's JSON (Credly's issued badges): its entries stand on rows 2…, located as `data[i]`. */
  jsonArray?: string;
  /** A Credly file: its badge templates (id → name, when the file names them), mapped by mapBadgeTemplates. */
  badgeTemplates?: Record<string, string>;
  /** Rows left out for an error, with the ids they would have defined (absent: none). */
  rowsWithErrors?: RowWithError[];
}

export type CsvValue = string | number | null | undefined;

export interface CsvWriteOptions {
  /** Start with a UTF-8 byte order mark so Excel reads the file as UTF-8. */
  bom?: boolean;
  /** `;` for Excel in European locales. */
  delimiter?: ',' | ';';
}
