// Roles & catalog (SPEC §7): what each role requires, and the micro-credentials that grant skills.
import { useId, useState, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { setWhatIf } from '../../api/mutations';
import type { CatalogResponse, RolesResponse, WhatIfRequest } from '../../api/contract';
import { ErrorMessage } from '../../components/QueryState';
import { RoleEditor } from './RoleEditor';
import { AddCredentialForm } from './AddCredentialForm';
import { gapmapQueries } from '../../api/queries';
import { draftInAddress } from '../../api/scenario';
import { useViewContext } from '../../components/useViewContext';
import { QueryState } from '../../components/QueryState';
import { formatMoney, wordLabel } from '../../components/format';
import { SortableTable, type SortableColumn } from '../../components/SortableTable';
import { GlossaryLink } from '../../components/GlossaryLink';
import type { CATALOG_SORT_KEYS } from './search';

type Credential = CatalogResponse['credentials'][number];
type RoleWithCount = RolesResponse['roles'][number];

function catalogColumns(skillName: Map<string, string>, credentialName: Map<string, string>): SortableColumn<Credential, (typeof CATALOG_SORT_KEYS)[number]>[] {
  const grants = (credential: Credential) => credential.grants.map((grant) => `${skillName.get(grant.skill) ?? grant.skill} ${grant.level}`).join(', ');
  return [
    {
      key: 'credential',
      label: 'Credential',
      rowHeader: true,
      value: (credential) => credential.name,
      cell: (credential) => (
        <>
          {credential.name}
          {credential.components ? <span className="muted block">certificate earned by {credential.components.map((id) => credentialName.get(id) ?? id).join(' + ')}</span> : null}
        </>
      ),
    },
    { key: 'issuer', label: 'Issuer', value: (credential) => credential.issuer },
    { key: 'grants', label: 'Grants', value: grants },
    { key: 'hours', label: 'Hours', numeric: true, value: (credential) => (credential.components ? null : (credential.hours ?? null)), cell: (credential) => (credential.components ? '—' : (credential.hours ?? '—')) },
    {
      key: 'cost',
      label: 'Cost',
      numeric: true,
      value: (credential) => (credential.components ? null : (credential.cost ?? null)),
      cell: (credential) => (credential.components || credential.cost === undefined ? '—' : formatMoney(credential.cost, credential.currency ?? 'EUR')),
    },
    // A credential that never expires is valid the longest.
    { key: 'validity', label: 'Valid for', value: (credential) => credential.validityMonths ?? Number.MAX_SAFE_INTEGER, cell: (credential) => (credential.validityMonths ? `${credential.validityMonths} months` : 'does not expire') },
  ];
}

function RoleCard({ role, skillName, editing, mayEdit, children, onEdit }: { role: RoleWithCount; skillName: Map<string, string>; editing: boolean; mayEdit: boolean; children: ReactNode; onEdit: () => void }) {
  // A generated id: role ids from HR files hold spaces ("Data Analyst"), which an id reference cannot.
  const titleId = useId();
  return (
    <article className={editing ? 'card card-editing' : 'card'} aria-labelledby={titleId}>
      <h3 id={titleId}>{role.name}</h3>
      <p className="muted">{role.employees} people</p>
      {editing ? (
        children
      ) : (
        <>
          <ul className="plain-list compact">
            {role.requirements.map((requirement) => (
              <li key={requirement.skill}>
                {skillName.get(requirement.skill) ?? requirement.skill} — level {requirement.level}, {wordLabel(requirement.weight).toLowerCase()}
              </li>
            ))}
          </ul>
          {mayEdit ? (
            <button type="button" className="secondary" onClick={onEdit} aria-label={`Edit the requirements of ${role.name}`}>
              Edit requirements
            </button>
          ) : null}
        </>
      )}
    </article>
  );
}

export function CatalogPage() {
  const { persona } = useViewContext();
  const roles = useQuery(gapmapQueries.roles(persona));
  const catalog = useQuery(gapmapQueries.catalog(persona));
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<string | undefined>();
  const navigate = useNavigate();
  const whatIf = useMutation({
    mutationFn: (scenario: WhatIfRequest) => setWhatIf(persona, scenario),
    onSuccess: async (status) => {
      setEditing(undefined);
      // A new draft: the address names it from now on (a reload keeps it; the address shares it).
      if (status.id !== undefined && status.id !== draftInAddress()) await navigate({ to: '.', search: (previous: Record<string, unknown>) => ({ ...previous, scenario: status.id }) });
      return queryClient.invalidateQueries({ queryKey: gapmapQueries.all });
    },
  });
  const mayEdit = persona.kind === 'lnd';
  return (
    <section aria-labelledby="catalog-title">
      <header className="page-header">
        <h1 id="catalog-title">Roles &amp; catalog</h1>
      </header>
      {mayEdit ? (
        <p className="muted">
          Edit a role or add a credential to try it: every page shows the draft, and nothing is stored until you keep it. The page's address names the draft, so a reload keeps it and you can share it; nobody else's figures change. <GlossaryLink term="what-if" />
        </p>
      ) : null}
      {whatIf.error ? <ErrorMessage error={whatIf.error} /> : null}
      <h2>Roles</h2>
      <QueryState query={roles} label="Loading roles">
        {(data) => {
          const skillName = new Map(data.skills.map((skill) => [skill.id, skill.name]));
          return (
            <div className="card-grid">
              {data.roles.map((role) => (
                <RoleCard key={role.id} role={role} skillName={skillName} editing={editing === role.id} mayEdit={mayEdit} onEdit={() => setEditing(role.id)}>
                  <RoleEditor
                    role={role}
                    skills={data.skills}
                    pending={whatIf.isPending}
                    onClose={() => setEditing(undefined)}
                    onApply={(edited) => whatIf.mutate({ roles: data.roles.map(({ employees: _employees, ...other }) => (other.id === edited.id ? { id: edited.id, name: edited.name, requirements: edited.requirements } : other)) })}
                  />
                </RoleCard>
              ))}
            </div>
          );
        }}
      </QueryState>
      <h2>Credential catalog</h2>
      <QueryState query={catalog} label="Loading the catalog">
        {(data) => {
          const skillName = new Map(data.skills.map((skill) => [skill.id, skill.name]));
          const credentialName = new Map(data.credentials.map((credential) => [credential.id, credential.name]));
          return (
            <>
              {mayEdit ? (
                <details className="card">
                  <summary>Add a credential (what-if)</summary>
                  <AddCredentialForm skills={data.skills} existingIds={new Set(data.credentials.map((credential) => credential.id))} pending={whatIf.isPending} onApply={(credential) => whatIf.mutate({ credentials: [...data.credentials, credential] })} />
                </details>
              ) : null}
              <SortableTable caption="Micro-credentials with the skills they grant" columns={catalogColumns(skillName, credentialName)} rows={data.credentials} rowKey={(credential) => credential.id} sortParam="sort" defaultSort={{ column: 'credential', direction: 'asc' }} />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
