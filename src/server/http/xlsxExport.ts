// The .xlsx side of every export (SPEC §5, issue 14): what the "About this report" sheet says about a
// request (as-of date, evidence, filters, scope, when, by whom), and the workbook as a download —
// or, for a report longer than a sheet, a 422 whose message offers CSV or one sheet per team.
import type { ReportAbout, ReportTable, ReportWorkbook } from '../../domain/xlsx';
import { reportWorkbook } from '../../domain/xlsx';
import type { IsoDate } from '../../domain/schema';
import type { Persona } from '../../api/contract';
import { callerOf, errorResponse, evidenceOf, personaOf, RequestRefused, type EvidenceFilter } from './requestContext';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Which backend made the file, as the About sheet says it. */
export type ExportHost = 'browser' | 'server';

const EVIDENCE_WORDS: Record<EvidenceFilter, string> = {
  all: 'All evidence: credentials (verified or not) and assessments',
  verified: 'Verified evidence: verified credentials and assessments (unverified and failed credentials left out)',
  credentials: 'Verified credentials only (assessments left out)',
};

function personaWords(persona: Persona): string {
  if (persona.kind === 'manager') return `Manager of ${persona.team}`;
  return persona.kind === 'hr' ? 'HR / people analytics' : 'L&D manager';
}

/** Who made the file: the signed-in account on a server, the persona in the browser's demo. */
function madeBy(request: Request): string {
  const caller = callerOf(request);
  if (caller.via === 'persona') return personaWords(personaOf(request));
  const who = !caller.email || caller.displayName === caller.email ? caller.displayName : `${caller.displayName} <${caller.email}>`;
  return `${who} (${caller.role})`;
}

/** The filters a request names, in words ("team Data Platform; skill category technical"). */
function filterWords(url: URL, names: Readonly<Record<string, string>>): string {
  const words: string[] = [];
  for (const [parameter, label] of Object.entries(names)) {
    const value = url.searchParams.get(parameter);
    if (value) words.push(`${label} ${value}`);
  }
  return words.join('; ');
}

export interface AboutRequest {
  title: string;
  asOf: IsoDate;
  /** What the request's scope covers ("Whole organisation", a team). */
  scope: string;
  /** Query parameters that narrow the report, with their words. */
  filters: Readonly<Record<string, string>>;
  host: ExportHost;
}

export function aboutOf(request: Request, about: AboutRequest): ReportAbout {
  return {
    title: about.title,
    asOf: about.asOf,
    evidence: EVIDENCE_WORDS[evidenceOf(request)],
    filters: filterWords(new URL(request.url), about.filters),
    scope: about.scope,
    madeAt: new Date().toISOString(),
    madeBy: madeBy(request),
    madeWith: about.host === 'server' ? 'Gapmap server' : 'Gapmap in this browser (its built-in backend)',
  };
}

/** `sheets=team` asks for one sheet per team; anything else but one sheet is refused. */
function sheetPerTeam(url: URL): boolean {
  const sheets = url.searchParams.get('sheets');
  if (sheets === null || sheets === '' || sheets === 'one') return false;
  if (sheets === 'team') return true;
  throw new RequestRefused(400, 'bad-sheets', `sheets must be one or team, not "${sheets}".`);
}

function workbookResponse(workbook: ReportWorkbook, fileName: string): Response {
  if (!workbook.ok) return errorResponse(422, workbook.code, workbook.message);
  return new Response(workbook.bytes as BodyInit, {
    headers: { 'content-type': XLSX_CONTENT_TYPE, 'content-disposition': `attachment; filename="${fileName}"` },
  });
}

/** The report as an .xlsx download (one sheet, or one per team with `sheets=team`). */
export function xlsxReportResponse(request: Request, about: AboutRequest, table: ReportTable, fileName: string): Response {
  const url = new URL(request.url);
  return workbookResponse(reportWorkbook(aboutOf(request, about), table, { sheetPerTeam: sheetPerTeam(url) }), fileName);
}
