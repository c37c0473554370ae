import { VERIFY_HELP } from './verifyHelp';
// The `gapmap` help texts (SPEC §6): one per command, printed by `--help`.

export const COMMANDS = ['report', 'recommend', 'validate', 'generate', 'verify'] as const;
export type Command = (typeof COMMANDS)[number];

const DATA_FLAGS = `Data files (CSV or Excel .xlsx; kinds as in the import wizard):
  --employees F        employees (required)
  --roles F            roles and their requirements (required)
  --catalog F          credentials catalog (required)
  --awards F           awards held by employees (required)
  --skills F           skills (names and categories; optional)
  --assessments F      assessed levels (optional)
  --interests F        learning interests (optional; break ties between pathways)
  --goals F            credential goals (optional; checked, not used by the report)

Reading options:
  --sheet NAME         the sheet to read of every .xlsx file (default: the sheet named
                       after the file's kind, e.g. "awards", else the first sheet)
  --as-of YYYY-MM-DD   the date the report is true at (default: today)
  --date-format DMY|MDY  order of day and month in dates like 03/04/2026, when a
                       column cannot tell by itself (never guessed)
  --level-scale MIN-MAX  the scale of level columns from another platform
                       (e.g. 1-8, 0-100), mapped onto 0–5. Asked for only when a
                       column looks like another scale: at least two of its numbers,
                       and at least half, are off 0–5; a lone 7 is an error at its cell
  --valid-rows-only    leave out the rows with errors (each still printed) and write
                       the output of the others; the exit code is 1 when any row was
                       left out. Without it, any error means nothing is written
  --verbose            print every warning on its own line (by default warnings of one
                       kind are one line: their count and the first 3 locations)

Writing options:
  --out F              write the CSV to F instead of stdout (required for .xlsx)
  --bom                start the CSV with a UTF-8 byte order mark (Excel)
  --delimiter ;        ';' for Excel in European locales (default ',')`;

export const MAIN_HELP = `gapmap — skills-gap reports from HR, LMS and badge-platform CSV exports

Usage:
  gapmap report    --employees F --roles F --catalog F --awards F [--skills F] [--assessments F]
                   [--as-of YYYY-MM-DD] [--format long|team|xlsx|team-xlsx] [--date-format DMY|MDY]
                   [--level-scale MIN-MAX] [--out F] [--bom] [--delimiter ;]
                   [--valid-rows-only] [--verbose]
  gapmap recommend (same data flags) (--employee ID | --team NAME | --all-teams)
                   [--objective cost|hours] [--budget N]
  gapmap validate  FILE... [--kind KIND] [--sheet NAME] [--verbose]
  gapmap generate  --employees N [--seed S] [--as-of YYYY-MM-DD] --out DIR
  gapmap verify    FILE... [--jwks F] [--did-document F] [--status-list [URL=]F] [--as-of D] [--email ADDRESS]
                                  Open Badges / verifiable credentials, checked offline: verified or why not

Run 'gapmap COMMAND --help' for a command's options.
Output is CSV on stdout (or --out), or an Excel workbook (--format xlsx --out F.xlsx);
problems go to stderr as FILE:ROW:COLUMN: message (in a workbook FILE:SHEET!CELL:COLUMN).
An error is reported once, where it is: a row that refers to a row with an error gets a
warning saying so. Exact repeats of a row are skipped with a warning.
Exit codes: 0 ok, 1 data errors (with --valid-rows-only: rows were left out), 2 usage errors.`;

export const COMMAND_HELP: Readonly<Record<Command, string>> = {
  report: `gapmap report — the gap report (SPEC §5) as CSV or an Excel workbook

Usage:
  gapmap report --employees F --roles F --catalog F --awards F [options]

  --format long|team|xlsx|team-xlsx
                       long: one row per (employee, required skill) (default);
                       team: one row per (team, skill required in it);
                       xlsx, team-xlsx: the same as an Excel workbook (--out F.xlsx), its
                       first sheet "About this report" saying the date and who made it
  --sheets one|team    a workbook's rows on one sheet (default) or one sheet per team
                       (for a report longer than Excel's 1,048,576 rows)

${DATA_FLAGS}

Example:
  gapmap report --employees employees.csv --roles roles.csv --catalog catalog.csv \\
    --awards awards.csv --assessments assessments.csv --as-of 2026-03-31 --format team`,

  recommend: `gapmap recommend — the cheapest credentials that close each person's gaps

Usage:
  gapmap recommend (data flags) (--employee ID | --team NAME | --all-teams) [options]

  --employee ID        one employee
  --team NAME          every member of a team
  --all-teams          every employee
  --objective cost|hours  minimise total cost (default) or total hours
  --budget N           choose the (employee, credential) pairs that close the most
                       weighted gap within N; the plan's summary and what the method
                       guarantees go to stderr

Columns: employee_id,credential_id,credential_name,cost,hours,skills_closed,weighted_gap_closed
Gaps no credential can close are listed on stderr:
  warning: EMPLOYEE_ID: no credential grants SKILL_ID at level N

${DATA_FLAGS}`,

  validate: `gapmap validate — check CSV or Excel (.xlsx) files before importing them

Usage:
  gapmap validate FILE... [--kind KIND] [--sheet NAME] [--date-format DMY|MDY] [--level-scale MIN-MAX] [--verbose]

  --sheet NAME         the sheet of each .xlsx file to read (default: the first)
  --kind KIND          employees, skills, roles, catalog, awards, assessments, goals or
                       interests (default: detected from the headers)
  --verbose            every warning on its own line (default: one line per kind of warning)

Prints every problem as FILE:ROW:COLUMN: message (stderr) and one summary line per file
(stdout). Files given together are also checked against each other, as one import would
(unknown employees, credentials, roles; duplicate ids); a kind not given is taken to hold
whatever the files refer to. Exit 1 when any error is found.`,

  generate: `gapmap generate — a realistic synthetic organisation (deterministic)

Usage:
  gapmap generate --employees N [--seed S] [--as-of YYYY-MM-DD] --out DIR

Writes employees.csv skills.csv roles.csv catalog.csv awards.csv assessments.csv
goals.csv interests.csv into DIR. The same N, seed and as-of give the same files.`,

  verify: VERIFY_HELP,
};
