// Import issues as lines, as the CLI prints them to stderr (SPEC §6): FILE:ROW:COLUMN: message, and
// warnings that repeat by nature (a created skill, a repeated row…) summarised one line per kind.
import type { ImportIssue, IssueCode } from './types';

/** Where an issue is: `awards.csv:12:Date Issued`, or in a workbook `awards.xlsx:Awards!C12:Date Issued`. */
function location(issue: ImportIssue): string {
  return `${issue.file}:${issue.cell ?? issue.row}:${issue.column}`;
}

/** "awards.csv:12:Date Issued: …"; warnings say so at the start of the message. */
export function formatIssue(issue: ImportIssue): string {
  return `${location(issue)}: ${issue.severity === 'warning' ? 'warning: ' : ''}${issue.message}`;
}

/** What a summary line says about N warnings of one code: what was done, what happens next. */
const SUMMARY: Readonly<Record<IssueCode, (count: number) => string>> = {
  'skill-created': (n) => `${n} skills are not in the skills file, so each was created with its name as its id and name: add them to the skills file to give them a category`,
  'duplicate-row': (n) => `${n} rows repeat an earlier row exactly, so they were skipped (nothing is lost): remove the repeats`,
  'assessment-conflict': (n) => `${n} assessments conflict with another by the same source on the same day (or both undated): in each case the highest level counts, as SPEC §3 says, and the other was skipped`,
  'refers-to-row-with-error': (n) => `${n} rows refer to a row that has an error of its own, so they were left out too (or kept without that reference): correct the rows with errors`,
};

export interface IssueLineOptions {
  /** Every warning on its own line, none summarised. */
  verbose?: boolean;
  /** How many locations a summary line names. */
  shown?: number;
}

/**
 * The lines to print for `issues`, in their order. Without `verbose`, warnings sharing a code are
 * one line — the count, what was done, and the first locations — where the first of them was;
 * errors and warnings without a code are always printed one per line.
 */
export function issueLines(issues: readonly ImportIssue[], options: IssueLineOptions = {}): string[] {
  const shown = options.shown ?? 3;
  if (options.verbose) return issues.map(formatIssue);
  const byCode = new Map<IssueCode, ImportIssue[]>();
  for (const issue of issues) {
    if (issue.severity !== 'warning' || issue.code === undefined) continue;
    const group = byCode.get(issue.code);
    if (group) group.push(issue);
    else byCode.set(issue.code, [issue]);
  }
  const lines: string[] = [];
  for (const issue of issues) {
    const group = issue.severity === 'warning' && issue.code !== undefined ? byCode.get(issue.code) : undefined;
    if (group === undefined || group.length === 1) {
      lines.push(formatIssue(issue));
      continue;
    }
    if (group[0] !== issue) continue;
    const where = group.slice(0, shown).map(location);
    const more = group.length > shown ? `, and ${group.length - shown} more; --verbose lists them all` : '';
    lines.push(`warning: ${SUMMARY[issue.code!](group.length)} (${where.join(', ')}${more})`);
  }
  return lines;
}
