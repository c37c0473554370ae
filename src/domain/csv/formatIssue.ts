// One import issue as a line, as the CLI prints it to stderr (SPEC §6): FILE:ROW:COLUMN: message.
import type { ImportIssue } from './types';

/** "awards.csv:12:Date Issued: …"; warnings say so at the start of the message. */
export function formatIssue(issue: ImportIssue): string {
  return `${issue.file}:${issue.row}:${issue.column}: ${issue.severity === 'warning' ? 'warning: ' : ''}${issue.message}`;
}
