// Badges and verifiable credentials (SPEC §2 Award verification, §4 history and undo): pick or
// drop earned badges (Open Badges 2.0, OB 3.0 / VC with an embedded proof, VC-JWT), see each one
// verified offline and matched to an employee and a catalog credential, confirm an unknown
// achievement once (remembered), and store the matched ones as awards in one undoable change.
import { useId, useMemo, useState, type DragEvent } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Persona } from '../../api/contract';
import { BADGE_FORMAT_NAMES, type BadgeResult } from '../../api/badgeContract';
import { badgeQueries, commitBadges, rememberAchievementMapping } from '../../api/badgeClient';
import { gapmapQueries } from '../../api/queries';
import { ErrorMessage, QueryState } from '../../components/QueryState';
import { useSearch } from '@tanstack/react-router';
import { formatDate } from '../../components/format';
import { pinsOf, readPinnedFile, type PinnedFile } from './badgePins';

interface BadgeFile {
  fileName: string;
  text: string;
}

const STATUS_MARK = { verified: '✓', failed: '✗', unverified: '?' } as const;

function readAll(files: FileList | File[]): Promise<BadgeFile[]> {
  return Promise.all(Array.from(files).map(async (file) => ({ fileName: file.name, text: await file.text() })));
}

function Verification({ result }: { result: BadgeResult }) {
  return (
    <>
      <span className={result.status === 'failed' ? 'tag tag-bad' : 'tag'}>
        <span aria-hidden="true">{STATUS_MARK[result.status]} </span>
        {result.status}
      </span>{' '}
      <span className="badge-reason">{result.reason}</span>
    </>
  );
}

function MappingChoice({ persona, result, credentials }: { persona: Persona; result: BadgeResult; credentials: ReadonlyArray<{ id: string; name: string }> }) {
  const queryClient = useQueryClient();
  const id = useId();
  const [choice, setChoice] = useState('');
  const remember = useMutation({
    mutationFn: () => rememberAchievementMapping(persona, { achievement: result.achievementRef, credentialId: choice }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gapmapQueries.all }),
  });
  if (result.achievementRef.id === undefined && result.achievementRef.name === undefined) return <span>no achievement named</span>;
  return (
    <div className="badge-mapping">
      <label htmlFor={id}>Catalog credential for “{result.achievement}”</label>
      <select id={id} value={choice} onChange={(event) => setChoice(event.target.value)}>
        <option value="">Choose…</option>
        {credentials.map((credential) => (
          <option key={credential.id} value={credential.id}>
            {credential.name} ({credential.id})
          </option>
        ))}
      </select>
      <button type="button" disabled={choice === '' || remember.isPending} onClick={() => remember.mutate()}>
        Confirm and remember
      </button>
      {remember.error ? <ErrorMessage error={remember.error} /> : null}
    </div>
  );
}

export function BadgeImport({ persona }: { persona: Persona }) {
  // Verified now (expiry and not-before as instants) unless the page looks at a chosen day.
  const { asOf }: { asOf?: string } = useSearch({ strict: false });
  const queryClient = useQueryClient();
  const inputId = useId();
  const pinInputId = useId();
  const [files, setFiles] = useState<BadgeFile[]>([]);
  const [pinned, setPinned] = useState<PinnedFile[]>([]);
  const [importFailed, setImportFailed] = useState(false);
  const [dragging, setDragging] = useState(false);
  const pins = useMemo(() => pinsOf(pinned), [pinned]);
  const request = { files, pins, asOf, importFailed };
  const check = useQuery({ ...badgeQueries.check(persona, request), enabled: files.length > 0, placeholderData: keepPreviousData });
  const catalog = useQuery({ ...gapmapQueries.catalog(persona), enabled: files.length > 0 });
  const commit = useMutation({
    mutationFn: () => commitBadges(persona, { ...request, dryRun: false }),
    onSuccess: (response) => {
      if (response.committed) setFiles([]);
      return queryClient.invalidateQueries({ queryKey: gapmapQueries.all });
    },
  });

  const addFiles = async (list: FileList | File[]) => {
    const read = await readAll(list);
    commit.reset();
    setFiles((previous) => [...previous.filter((file) => !read.some((added) => added.fileName === file.fileName)), ...read]);
  };
  const addPins = async (list: FileList) => {
    const read = await readAll(list);
    setPinned((previous) => [...previous.filter((file) => !read.some((added) => added.fileName === file.fileName)), ...read.map((file) => readPinnedFile(file.fileName, file.text))]);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void addFiles(Array.from(event.dataTransfer.files));
  };

  const results = check.data?.results ?? [];
  const importable = results.filter((result) => result.outcome === 'import').length;
  const credentials = catalog.data?.credentials ?? [];

  return (
    <section aria-labelledby="badges-title" className="badge-import">
      <h2 id="badges-title">Badges and verifiable credentials</h2>
      <p>
        Earned badges become awards of the employee whose email they name. Each is verified here, offline: its signature, its dates and,
        where you provide the issuer’s list, whether it was revoked. Nothing is fetched from the issuer.
      </p>
      {/* Dropping is a pointer shortcut; the labelled file input below is the keyboard path. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div
        className={dragging ? 'import-drop dragging' : 'import-drop'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={inputId}>Choose badge files (or drop them here): Open Badges 2.0 or 3.0 JSON, verifiable credentials (JSON or JWT)</label>
        <input
          id={inputId}
          type="file"
          multiple
          accept=".json,.jwt,.jws,.txt,application/json,application/jwt,text/plain"
          onChange={(event) => {
            if (event.target.files) void addFiles(event.target.files);
            event.target.value = '';
          }}
        />
      </div>

      <details className="badge-pins">
        <summary>Keys and documents for offline checks (optional){pinned.length > 0 ? ` · ${pinned.length} pinned` : ''}</summary>
        <p>
          An issuer’s JWKS (for JWT badges), its did:web document, or a status list: give the files you saved from the issuer and they are
          used instead of fetching them. A status list is matched by the URL credentials point to.
        </p>
        <label htmlFor={pinInputId}>Choose JWKS, DID document or status list files</label>{' '}
        <input
          id={pinInputId}
          type="file"
          multiple
          accept=".json,application/json"
          onChange={(event) => {
            if (event.target.files) void addPins(event.target.files);
            event.target.value = '';
          }}
        />
        {pinned.length > 0 ? (
          <ul className="plain-list">
            {pinned.map((file, index) => (
              <li key={file.fileName}>
                <strong>{file.fileName}</strong>:{' '}
                {file.kind === 'jwks' ? `JWKS with ${file.keys.length} key${file.keys.length === 1 ? '' : 's'}` : null}
                {file.kind === 'did-document' ? `DID document of ${file.did}` : null}
                {file.kind === 'unknown' ? `not used: ${file.problem}` : null}
                {file.kind === 'status-list' ? (
                  <label>
                    status list for the URL{' '}
                    <input
                      type="url"
                      value={file.url}
                      size={50}
                      onChange={(event) => {
                        const url = event.target.value;
                        setPinned((previous) => previous.map((candidate, at) => (at === index && candidate.kind === 'status-list' ? { ...candidate, url } : candidate)));
                      }}
                    />
                  </label>
                ) : null}{' '}
                <button type="button" onClick={() => setPinned((previous) => previous.filter((_, at) => at !== index))}>
                  Remove {file.fileName}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </details>

      {files.length > 0 ? (
        <QueryState query={check} label="Verifying the credentials">
          {() => (
            <>
              <table className="data-table badge-results">
                <caption>
                  {results.length} credential{results.length === 1 ? '' : 's'} in {files.length} file{files.length === 1 ? '' : 's'}, verified as of{' '}
                  {asOf ? formatDate(asOf) : 'today'}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Credential</th>
                    <th scope="col">Issuer</th>
                    <th scope="col">Recipient</th>
                    <th scope="col">Verification</th>
                    <th scope="col">Employee</th>
                    <th scope="col">Catalog credential</th>
                    <th scope="col">Import</th>
                  </tr>
                </thead>
                <tbody>
                  {results.map((result) => (
                    <tr key={`${result.fileName}#${result.position}`}>
                      <th scope="row">
                        {result.achievement || 'unreadable'}
                        <span className="block muted">
                          {result.fileName}
                          {result.position > 1 || results.filter((other) => other.fileName === result.fileName).length > 1 ? ` #${result.position}` : ''}
                          {result.format ? ` · ${BADGE_FORMAT_NAMES[result.format]}` : ''}
                          {result.issuedOn ? ` · issued ${formatDate(result.issuedOn)}` : ''}
                          {result.expiresOn ? ` · expires ${formatDate(result.expiresOn)}` : ''}
                        </span>
                      </th>
                      <td>{result.issuer}</td>
                      <td>{result.recipient}</td>
                      <td>
                        <Verification result={result} />
                      </td>
                      <td>{result.employee ? result.employee.name : <span>no employee matches</span>}</td>
                      <td>
                        {result.credential ? (
                          <>
                            {result.credential.name}
                            <span className="block muted">{result.credential.via === 'remembered' ? 'as you confirmed' : `same ${result.credential.via}`}</span>
                          </>
                        ) : result.format ? (
                          <MappingChoice persona={persona} result={result} credentials={credentials} />
                        ) : (
                          '—'
                        )}
                      </td>
                      <td>{result.note}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <fieldset className="import-commit" disabled={commit.isPending}>
                <legend>Store the awards</legend>
                <p>
                  <label>
                    <input type="checkbox" checked={importFailed} onChange={(event) => setImportFailed(event.target.checked)} /> Also record failed credentials
                    (as failed awards: they never count as verified evidence)
                  </label>
                </p>
                <button type="button" className="primary" disabled={importable === 0} onClick={() => commit.mutate()}>
                  Import {importable} award{importable === 1 ? '' : 's'}
                </button>{' '}
                <button type="button" onClick={() => setFiles([])}>
                  Clear the badges
                </button>
              </fieldset>
            </>
          )}
        </QueryState>
      ) : null}
      {commit.data?.committed ? (
        <p role="status">
          Stored: {commit.data.added} award{commit.data.added === 1 ? '' : 's'} added{commit.data.updated > 0 ? `, ${commit.data.updated} updated` : ''}. The change is
          in the import history, where it can be undone.
        </p>
      ) : null}
      {commit.error ? <ErrorMessage error={commit.error} /> : null}
    </section>
  );
}
