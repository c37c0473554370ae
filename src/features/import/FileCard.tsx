// One picked file: what was detected (kind, encoding, delimiter, rows), the column mapping to fix,
// and the decisions Gapmap never guesses (date order of an ambiguous column, a level scale).
import { useId, useState } from 'react';
import { CANONICAL_COLUMNS, type DateOrder } from '../../domain/csv';
import { RECORD_KINDS, type RecordKind } from '../../domain/schema';
import type { FileReadOptions } from '../../api/importContract';
import { formatCount } from '../../components/format';
import type { SessionFile } from './useImportSession';

/** SPEC §4's required columns (one of either-or pairs is enough: employee_id or email…). */
const REQUIRED: Record<RecordKind, readonly string[]> = {
  employees: ['employee_id', 'name', 'team', 'role'],
  skills: ['skill_id', 'name'],
  roles: ['role', 'skill', 'level'],
  catalog: ['credential_id', 'name', 'skill', 'level'],
  awards: ['employee_id', 'credential_id', 'issued_on'],
  assessments: ['employee_id', 'skill', 'level'],
  goals: ['employee_id', 'credential_id', 'due_on'],
  interests: ['employee_id', 'skill'],
};
const ALTERNATIVES: Record<string, string> = { employee_id: 'or email', credential_id: 'or credential_name', name: '' };
const EXTRA_FIELDS: Partial<Record<RecordKind, readonly string[]>> = {
  employees: ['first_name', 'last_name'],
  awards: ['email', 'employee_name', 'credential_name'],
  assessments: ['email', 'employee_name'],
  goals: ['email', 'employee_name', 'credential_name'],
  interests: ['email', 'employee_name'],
};

const ENCODING_NAMES: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', 'windows-1252': 'Windows-1252' };
const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

export function describeEncoding(file: Pick<SessionFile, 'encoding' | 'bom'>): string {
  return `${ENCODING_NAMES[file.encoding] ?? file.encoding}${file.bom ? ' with BOM' : ''}`;
}

/** A catalog credential a badge template can be mapped to. */
export interface CredentialChoice {
  id: string;
  name: string;
}

interface FileCardProps {
  file: SessionFile;
  disabled: boolean;
  onConfigure: (options: FileReadOptions) => void;
  onRemove: () => void;
  /** The catalog, for mapping a badge platform's templates. */
  credentials?: readonly CredentialChoice[];
  /** Remembers that a badge template is a catalog credential, then reads the file again. */
  onMapTemplate?: (template: { id: string; name?: string }, credentialId: string) => void;
}

export function FileCard({ file, disabled, onConfigure, onRemove, credentials = [], onMapTemplate }: FileCardProps) {
  const headingId = useId();
  const kindId = useId();
  const sheetId = useId();
  const workbook = file.sheets !== undefined;
  const change = (patch: Partial<FileReadOptions>) => onConfigure({ ...file.options, ...patch });
  return (
    <article className="card import-file" aria-labelledby={headingId}>
      <h3 id={headingId}>{file.fileName}</h3>
      <dl className="import-facts">
        {workbook ? (
          <div>
            <dt>Excel workbook</dt>
            <dd>{file.sheets!.length === 1 ? 'one sheet' : `${file.sheets!.length} sheets`}</dd>
          </div>
        ) : (
          <>
            <div>
              <dt>Encoding</dt>
              <dd>{describeEncoding(file)}</dd>
            </div>
            <div>
              <dt>Delimiter</dt>
              <dd>{DELIMITER_NAMES[file.delimiter] ?? file.delimiter}</dd>
            </div>
          </>
        )}
        <div>
          <dt>Rows</dt>
          <dd>{formatCount(file.rowCount)}</dd>
        </div>
        <div>
          <dt>Records read</dt>
          <dd>{formatCount(file.recordCount)}</dd>
        </div>
        <div>
          <dt>Read in</dt>
          <dd>{(file.readMs / 1000).toFixed(2)} s</dd>
        </div>
      </dl>
      {workbook && file.sheets!.length > 1 ? (
        <p>
          <label htmlFor={sheetId}>Sheet </label>
          <select
            id={sheetId}
            value={file.sheet ?? file.options.sheet ?? ''}
            disabled={disabled}
            // Another sheet has other headers: its kind and mapping are detected again.
            onChange={(event) => onConfigure({ sheet: event.target.value })}
          >
            {file.sheet === undefined ? <option value="">— choose the sheet that holds the data —</option> : null}
            {file.sheets!.map((sheet) => (
              <option key={sheet} value={sheet}>
                {sheet}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      <p>
        <label htmlFor={kindId}>Holds </label>
        <select
          id={kindId}
          value={file.kind ?? ''}
          disabled={disabled}
          // A new kind means new fields: the mapping is proposed again from the headers.
          onChange={(event) => onConfigure({ kind: event.target.value as RecordKind, ...(file.options.sheet ? { sheet: file.options.sheet } : {}) })}
        >
          {file.kind === null ? <option value="">— choose what this file holds —</option> : null}
          {RECORD_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>{' '}
        {file.wide ? <span>(wide: one column per skill)</span> : null}
      </p>
      {file.kind ? <MappingTable file={file} kind={file.kind} disabled={disabled} onChange={(mapping) => change({ kind: file.kind ?? undefined, mapping })} /> : null}
      {file.pending.length > 0 ? <Decisions file={file} disabled={disabled} onChange={change} credentials={credentials} onMapTemplate={onMapTemplate} /> : null}
      <button type="button" disabled={disabled} onClick={onRemove}>
        Remove {file.fileName}
      </button>
    </article>
  );
}

function MappingTable({ file, kind, disabled, onChange }: { file: SessionFile; kind: RecordKind; disabled: boolean; onChange: (mapping: Record<string, number>) => void }) {
  const fields = [...new Set([...CANONICAL_COLUMNS[kind], ...(EXTRA_FIELDS[kind] ?? []), ...Object.keys(file.mapping)])];
  const required = new Set(REQUIRED[kind]);
  return (
    <table className="import-mapping">
      <caption>Columns of {file.fileName}</caption>
      <thead>
        <tr>
          <th scope="col">Gapmap field</th>
          <th scope="col">Column in the file</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => {
          const selectId = `map-${file.id}-${field}`;
          const isRequired = required.has(field) && !(file.wide && (field === 'skill' || field === 'level'));
          return (
            <tr key={field}>
              <th scope="row">
                <label htmlFor={selectId}>
                  {field}
                  {isRequired ? <abbr title="required"> *</abbr> : null}
                  {isRequired && ALTERNATIVES[field] ? <span className="subtle"> ({ALTERNATIVES[field]})</span> : null}
                </label>
              </th>
              <td>
                <select
                  id={selectId}
                  value={file.mapping[field] ?? -1}
                  disabled={disabled}
                  onChange={(event) => {
                    const index = Number(event.target.value);
                    const mapping = { ...file.mapping };
                    if (index < 0) delete mapping[field];
                    else mapping[field] = index;
                    onChange(mapping);
                  }}
                >
                  <option value={-1}>— not in this file —</option>
                  {file.headers.map((header, index) => (
                    <option key={index} value={index}>
                      {header || `(column ${index + 1})`}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

interface DecisionsProps {
  file: SessionFile;
  disabled: boolean;
  onChange: (patch: Partial<FileReadOptions>) => void;
  credentials: readonly CredentialChoice[];
  onMapTemplate: FileCardProps['onMapTemplate'];
}

function Decisions({ file, disabled, onChange, credentials, onMapTemplate }: DecisionsProps) {
  return (
    <fieldset className="import-decisions">
      <legend>Decide before importing</legend>
      {file.pending.map((decision) =>
        decision.type === 'date-order' ? (
          <DateOrderChoice
            key={`d-${decision.column}`}
            column={decision.column}
            samples={decision.samples}
            disabled={disabled}
            onChoose={(order) => onChange({ dateOrderByColumn: { ...file.options.dateOrderByColumn, [decision.column]: order } })}
          />
        ) : decision.type === 'badge-template' ? (
          <BadgeTemplateChoice
            key={`t-${decision.templateId}`}
            template={{ id: decision.templateId, ...(decision.templateName ? { name: decision.templateName } : {}) }}
            rows={decision.rows}
            credentials={credentials}
            disabled={disabled || onMapTemplate === undefined}
            onChoose={(credentialId) => onMapTemplate?.({ id: decision.templateId, ...(decision.templateName ? { name: decision.templateName } : {}) }, credentialId)}
          />
        ) : (
          <LevelScaleChoice
            key={`l-${decision.column}`}
            column={decision.column}
            observedMin={decision.observedMin}
            observedMax={decision.observedMax}
            disabled={disabled}
            onChoose={(levelScale) => onChange({ levelScale })}
          />
        ),
      )}
    </fieldset>
  );
}

function BadgeTemplateChoice({ template, rows, credentials, disabled, onChoose }: { template: { id: string; name?: string }; rows: number; credentials: readonly CredentialChoice[]; disabled: boolean; onChoose: (credentialId: string) => void }) {
  const id = useId();
  return (
    <p>
      <label htmlFor={id}>
        Credly badge template {template.name ? `“${template.name}” (${template.id})` : template.id}, {rows} award{rows === 1 ? '' : 's'}, is the catalog credential
      </label>{' '}
      <select id={id} defaultValue="" disabled={disabled} onChange={(event) => onChoose(event.target.value)}>
        <option value="" disabled>
          — choose (remembered for later imports) —
        </option>
        {credentials.map((credential) => (
          <option key={credential.id} value={credential.id}>
            {credential.name} ({credential.id})
          </option>
        ))}
      </select>
    </p>
  );
}

function DateOrderChoice({ column, samples, disabled, onChoose }: { column: string; samples: string[]; disabled: boolean; onChoose: (order: DateOrder) => void }) {
  const id = useId();
  return (
    <p>
      <label htmlFor={id}>
        Dates in “{column}” (e.g. {samples.slice(0, 3).join(', ')}) are
      </label>{' '}
      <select id={id} defaultValue="" disabled={disabled} onChange={(event) => onChoose(event.target.value as DateOrder)}>
        <option value="" disabled>
          — choose —
        </option>
        <option value="DMY">day first (DD/MM/YYYY)</option>
        <option value="MDY">month first (MM/DD/YYYY)</option>
      </select>
    </p>
  );
}

function LevelScaleChoice({ column, observedMin, observedMax, disabled, onChoose }: { column: string; observedMin: number; observedMax: number; disabled: boolean; onChoose: (scale: { min: number; max: number }) => void }) {
  const [min, setMin] = useState(observedMin <= 0 ? 0 : 1);
  const [max, setMax] = useState(observedMax > 10 ? 100 : Math.ceil(observedMax));
  const minId = useId();
  const maxId = useId();
  return (
    <p>
      Levels in “{column}” run from {observedMin} to {observedMax}, not Gapmap’s 0–5. Their scale is{' '}
      <label htmlFor={minId}>from</label>{' '}
      <input id={minId} type="number" value={min} onChange={(event) => setMin(Number(event.target.value))} className="import-number" />{' '}
      <label htmlFor={maxId}>to</label>{' '}
      <input id={maxId} type="number" value={max} onChange={(event) => setMax(Number(event.target.value))} className="import-number" />{' '}
      <button type="button" disabled={disabled || !(max > min)} onClick={() => onChoose({ min, max })}>
        Map {min}–{max} onto 0–5
      </button>
    </p>
  );
}
