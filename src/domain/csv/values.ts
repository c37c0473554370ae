// Cell values of CSV import (SPEC §4 tolerance): levels as numbers or words, other level scales,
// weights and their synonyms, dates in ISO / DD/MM / MM/DD / Excel serial form, numbers.
import { dayNumberOf, daysInMonth, formatIsoDate, fromDayNumber } from '../dates';
import type { AssessmentSource, GoalKind, GoalStatus, IsoDate, Weight } from '../schema';
import type { DateOrder, LevelScale } from './types';

/** Letters and digits only, lower case: "Nice-to-have" → "nicetohave". */
function compact(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

// ---------------------------------------------------------------- levels

const LEVEL_WORDS: Readonly<Record<string, number>> = {
  none: 0, no: 0, nil: 0, notapplicable: 0,
  awareness: 1, aware: 1, novice: 1, beginner: 1, introductory: 1,
  basic: 2, foundation: 2, foundational: 2, elementary: 2, developing: 2,
  intermediate: 3, proficient: 3, practitioner: 3, competent: 3,
  advanced: 4, skilled: 4,
  expert: 5, master: 5, mastery: 5,
};

export type LevelCell =
  /** `fromNumber`: written as a number, so a confirmed level scale applies to it. */
  | { type: 'level'; level: number; fromNumber: boolean }
  /** A number that is not a whole 0–5 level: only a confirmed level scale can map it. */
  | { type: 'scale'; value: number }
  | { type: 'invalid'; message: string };

/** A plain run of ASCII digits, the hot path of level and number cells. */
function plainDigits(text: string): number {
  if (text.length === 0 || text.length > 9) return -1;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Reads a level cell: 0–5, "L3", "Level 3", or a word (none 0; awareness/novice/beginner 1;
 * basic/foundation 2; intermediate/proficient/practitioner 3; advanced 4; expert/master 5).
 * Other numbers (7, 2.5, 80%) come back as `scale`: they need the user's level scale.
 */
export function readLevelCell(text: string): LevelCell {
  const digits = plainDigits(text);
  if (digits >= 0) return digits <= 5 ? { type: 'level', level: digits, fromNumber: true } : { type: 'scale', value: digits };
  const word = LEVEL_WORDS[compact(text)];
  if (word !== undefined) return { type: 'level', level: word, fromNumber: false };
  const match = /^(?:l|lvl|level)?\s*(-?\d+(?:[.,]\d+)?)\s*(%)?$/i.exec(text.trim());
  if (match) {
    const value = Number(match[1]!.replace(',', '.'));
    if (value < 0) return { type: 'invalid', message: `level ${text} is negative: levels run from 0 (none) to 5 (expert)` };
    if (!match[2] && Number.isInteger(value) && value <= 5) return { type: 'level', level: value, fromNumber: true };
    return { type: 'scale', value };
  }
  return {
    type: 'invalid',
    message: `"${text}" is not a level: write 0–5 or a word (none, awareness, basic, intermediate, advanced, expert)`,
  };
}

/**
 * Maps a value on another platform's scale onto Gapmap's 0–5, only when the user gave the scale.
 * Rule (linear, rounded half up): a scale starting at 0 (0–100, percent) maps min→0 and max→5,
 * level = round(5·(v−min)/(max−min)); a scale starting at 1 or more (1–8, 1–7) maps min→1 and
 * max→5, level = 1 + round(4·(v−min)/(max−min)). E.g. on 1–8: 1→1, 4→3, 6→4, 8→5; on 0–100: 50→3, 85→4.
 */
export function mapLevelOntoScale(value: number, scale: LevelScale): number | null {
  if (!(scale.max > scale.min) || value < scale.min || value > scale.max) return null;
  const fraction = (value - scale.min) / (scale.max - scale.min);
  return scale.min <= 0 ? Math.floor(5 * fraction + 0.5) : 1 + Math.floor(4 * fraction + 0.5);
}

/** Parses `--level-scale 1-8` / "0-100" into a scale; null when it is not MIN-MAX with MIN < MAX. */
export function parseLevelScale(text: string): LevelScale | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*[-–:]\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!match) return null;
  const scale = { min: Number(match[1]), max: Number(match[2]) };
  return scale.max > scale.min ? scale : null;
}

// ---------------------------------------------------------------- weights

const WEIGHT_WORDS: Readonly<Record<string, Weight>> = {
  critical: 'critical', high: 'critical', must: 'critical', musthave: 'critical', essential: 'critical',
  mandatory: 'critical', veryhigh: 'critical', h: 'critical', c: 'critical', core: 'critical', '3': 'critical',
  important: 'important', medium: 'important', med: 'important', should: 'important', shouldhave: 'important',
  normal: 'important', moderate: 'important', m: 'important', i: 'important', required: 'important', '2': 'important',
  nicetohave: 'nice-to-have', nice: 'nice-to-have', low: 'nice-to-have', could: 'nice-to-have',
  couldhave: 'nice-to-have', desirable: 'nice-to-have', optional: 'nice-to-have', preferred: 'nice-to-have',
  bonus: 'nice-to-have', l: 'nice-to-have', n: 'nice-to-have', '1': 'nice-to-have',
};

/** critical / important / nice-to-have and synonyms (high/medium/low, must/should/could, 3/2/1); blank → important. */
export function readWeight(text: string): Weight | null {
  if (text === '') return 'important';
  if (text === 'critical' || text === 'important' || text === 'nice-to-have') return text;
  return WEIGHT_WORDS[compact(text)] ?? null;
}

export const WEIGHT_HELP = 'write critical, important or nice-to-have (or high/medium/low, 3/2/1)';

// ---------------------------------------------------------------- enums

const SOURCE_WORDS: Readonly<Record<string, AssessmentSource>> = {
  self: 'self', selfassessment: 'self', selfassessed: 'self', selfrating: 'self', selfrated: 'self', employee: 'self',
  manager: 'manager', managerassessment: 'manager', managerassessed: 'manager', linemanager: 'manager',
  supervisor: 'manager', lead: 'manager', teamlead: 'manager', peer: 'manager', '360': 'manager',
  test: 'test', exam: 'test', quiz: 'test', assessment: 'test', skillstest: 'test', skilltest: 'test',
  certificationtest: 'test', technicaltest: 'test', tested: 'test',
};

export function readSource(text: string): AssessmentSource | null {
  return SOURCE_WORDS[compact(text)] ?? null;
}

const GOAL_KIND_WORDS: Readonly<Record<string, GoalKind>> = {
  organisational: 'organisational', organizational: 'organisational', org: 'organisational', company: 'organisational',
  mandatory: 'organisational', assigned: 'organisational', business: 'organisational', required: 'organisational',
  personal: 'personal', individual: 'personal', self: 'personal', development: 'personal', voluntary: 'personal', optional: 'personal',
};

export function readGoalKind(text: string): GoalKind | null {
  return GOAL_KIND_WORDS[compact(text)] ?? null;
}

const GOAL_STATUS_WORDS: Readonly<Record<string, GoalStatus>> = {
  assigned: 'assigned', notstarted: 'assigned', open: 'assigned', new: 'assigned', todo: 'assigned', pending: 'assigned',
  inprogress: 'in-progress', started: 'in-progress', ongoing: 'in-progress', active: 'in-progress', enrolled: 'in-progress',
  completed: 'completed', complete: 'completed', done: 'completed', achieved: 'completed', passed: 'completed', closed: 'completed',
  cancelled: 'cancelled', canceled: 'cancelled', withdrawn: 'cancelled', dropped: 'cancelled', abandoned: 'cancelled',
};

export function readGoalStatus(text: string): GoalStatus | null {
  return GOAL_STATUS_WORDS[compact(text)] ?? null;
}

// ---------------------------------------------------------------- numbers

/**
 * A non-negative amount (cost, hours, months): 1200, 1200.50, 1,200.50, "$1,200", "€ 49";
 * in a `;`-delimited (European) file a comma is the decimal mark (12,5; 1.500,00). NaN when not a number.
 */
export function readNumber(text: string, decimalComma: boolean): number {
  const digits = plainDigits(text);
  if (digits >= 0) return digits;
  let cleaned = text.replace(/^[\s$€£¥]+|[\s$€£¥]+$/g, '').replace(/^(?:[A-Z]{3})\s*|\s*(?:[A-Z]{3})$/g, '');
  cleaned = cleaned.replace(/[\s\u00a0\u202f']/g, '');
  if (decimalComma) {
    // 1.500,00 and 1.500.000 group thousands; a lone 1.125 is a decimal point (as Gapmap writes numbers).
    if (/^-?\d{1,3}(?:\.\d{3})+,\d+$|^-?\d{1,3}(?:\.\d{3}){2,}$/.test(cleaned)) cleaned = cleaned.replace(/\./g, '');
    cleaned = cleaned.replace(',', '.');
  } else if (/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(cleaned)) {
    cleaned = cleaned.replace(/,/g, '');
  }
  return /^-?(?:\d+(?:\.\d*)?|\.\d+)$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

// ---------------------------------------------------------------- dates

/** How a date cell reads before its column's DD/MM vs MM/DD order is known. */
export type DateShape =
  | { type: 'date'; iso: IsoDate }
  /** first/second/year: a day-month pair whose order depends on the column. */
  | { type: 'pair'; first: number; second: number; year: number }
  | { type: 'invalid'; message: string };

/** True for a real calendar date written exactly YYYY-MM-DD: the hot path, no allocation. */
export function isIsoDateFast(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    year = year * 10 + digit;
  }
  const m1 = text.charCodeAt(5) - 48;
  const m2 = text.charCodeAt(6) - 48;
  const d1 = text.charCodeAt(8) - 48;
  const d2 = text.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return false;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

const EXCEL_SERIAL_MAX = 2_958_465; // 9999-12-31

function checkedDate(year: number, month: number, day: number, text: string): DateShape {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { type: 'invalid', message: `"${text}" is not a calendar date: write it as YYYY-MM-DD` };
  }
  return { type: 'date', iso: formatIsoDate(year, month, day) };
}

function twoDigitYear(text: string): DateShape {
  return {
    type: 'invalid',
    message: `"${text}" has a 2-digit year, which is not accepted (1924 or 2024?): write the year in full, e.g. as YYYY-MM-DD`,
  };
}

/**
 * Excel's 1900 date system: serial 1 = 1900-01-01. Excel counts a 29 February 1900 that never
 * existed (serial 60), so serials from 61 on are one day ahead of the real calendar.
 */
export function excelSerialToIso(serial: number): IsoDate | null {
  const whole = Math.floor(serial);
  if (whole < 1 || whole > EXCEL_SERIAL_MAX || whole === 60) return null;
  return fromDayNumber(dayNumberOf(1899, 12, whole < 60 ? 31 : 30) + whole);
}

/** Reads one date cell as far as it can without knowing its column's day/month order. */
export function readDateShape(raw: string): DateShape {
  const text = raw.trim();
  if (isIsoDateFast(text)) return { type: 'date', iso: text };
  // A timestamp (2024-03-01T09:30:00Z, 01/03/2024 09:30): the date part is what counts.
  const datePart = text.length > 10 && /^\d{4}-\d{2}-\d{2}[T ]/.test(text) ? text.slice(0, 10) : text.replace(/\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:z|[+-]\d{2}:?\d{2})?$/i, '');
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(datePart);
  if (match) return checkedDate(Number(match[1]), Number(match[2]), Number(match[3]), raw);
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d+)$/.exec(datePart);
  if (match) {
    if (match[3]!.length === 2) return twoDigitYear(raw);
    if (match[3]!.length !== 4) return { type: 'invalid', message: `"${raw}" is not a date: write it as YYYY-MM-DD` };
    return { type: 'pair', first: Number(match[1]), second: Number(match[2]), year: Number(match[3]) };
  }
  match = /^(\d{1,2})(?:st|nd|rd|th)?[\s\-./]+([a-z]+)\.?,?[\s\-./]+(\d+)$/i.exec(datePart);
  const monthFirst = match ? null : /^([a-z]+)\.?[\s\-./]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\-./]+(\d+)$/i.exec(datePart);
  if (match || monthFirst) {
    const [day, monthName, year] = match ? [match[1]!, match[2]!, match[3]!] : [monthFirst![2]!, monthFirst![1]!, monthFirst![3]!];
    const month = MONTHS[monthName.toLowerCase()];
    if (month !== undefined) {
      if (year.length === 2) return twoDigitYear(raw);
      if (year.length === 4) return checkedDate(Number(year), month, Number(day), raw);
    }
  }
  if (/^\d{8}$/.test(datePart)) {
    const shape = checkedDate(Number(datePart.slice(0, 4)), Number(datePart.slice(4, 6)), Number(datePart.slice(6, 8)), raw);
    if (shape.type === 'date') return shape;
  }
  if (/^\d+(?:\.\d+)?$/.test(datePart)) {
    const iso = excelSerialToIso(Number(datePart));
    if (iso) return { type: 'date', iso };
    return {
      type: 'invalid',
      message: `${raw} is not a date: an Excel date number must be 1–${EXCEL_SERIAL_MAX} (and not 60, Excel's 1900-02-29); write it as YYYY-MM-DD`,
    };
  }
  return { type: 'invalid', message: `"${raw}" is not a date: write it as YYYY-MM-DD (or DD/MM/YYYY)` };
}

/** A day/month pair read in the given order, or why it is not a date. */
export function resolveDatePair(shape: { first: number; second: number; year: number }, order: DateOrder, raw: string): DateShape {
  const [day, month] = order === 'DMY' ? [shape.first, shape.second] : [shape.second, shape.first];
  const checked = checkedDate(shape.year, month, day, raw);
  if (checked.type === 'invalid') {
    return {
      type: 'invalid',
      message: `"${raw}" is not a valid ${order === 'DMY' ? 'DD/MM/YYYY' : 'MM/DD/YYYY'} date, the order of this column: correct it or write it as YYYY-MM-DD`,
    };
  }
  return checked;
}
