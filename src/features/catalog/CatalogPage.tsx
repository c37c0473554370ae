// Roles & catalog (SPEC §7): what each role requires, and the micro-credentials that grant skills.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { setWhatIf } from '../../api/mutations';
import type { WhatIfRequest } from '../../api/contract';
import { ErrorMessage } from '../../components/QueryState';
import { RoleEditor } from './RoleEditor';
import { AddCredentialForm } from './AddCredentialForm';
import { gapmapQueries } from '../../api/queries';
import { useViewContext } from '../../components/useViewContext';
import { QueryState } from '../../components/QueryState';
import { formatMoney } from '../../components/format';

export function CatalogPage() {
  const { persona } = useViewContext();
  const roles = useQuery(gapmapQueries.roles(persona));
  const catalog = useQuery(gapmapQueries.catalog(persona));
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<string | undefined>();
  const whatIf = useMutation({
    mutationFn: (scenario: WhatIfRequest) => setWhatIf(persona, scenario),
    onSuccess: () => {
      setEditing(undefined);
      return queryClient.invalidateQueries({ queryKey: gapmapQueries.all });
    },
  });
  const mayEdit = persona.kind === 'lnd';
  return (
    <section aria-labelledby="catalog-title">
      <header className="page-header">
        <h1 id="catalog-title">Roles &amp; catalog</h1>
      </header>
      {mayEdit ? <p className="muted">Edit a role or add a credential to try it: every page updates at once, and nothing is stored until you keep the scenario.</p> : null}
      {whatIf.error ? <ErrorMessage error={whatIf.error} /> : null}
      <h2>Roles</h2>
      <QueryState query={roles} label="Loading roles">
        {(data) => {
          const skillName = new Map(data.skills.map((skill) => [skill.id, skill.name]));
          return (
            <div className="card-grid">
              {data.roles.map((role) => (
                <article key={role.id} className="card" aria-labelledby={`role-${role.id}`}>
                  <h3 id={`role-${role.id}`}>{role.name}</h3>
                  <p className="muted">{role.employees} people</p>
                  {editing === role.id ? (
                    <RoleEditor
                      role={role}
                      skills={data.skills}
                      pending={whatIf.isPending}
                      onClose={() => setEditing(undefined)}
                      onApply={(edited) => whatIf.mutate({ roles: data.roles.map(({ employees: _employees, ...other }) => (other.id === edited.id ? { id: edited.id, name: edited.name, requirements: edited.requirements } : other)) })}
                    />
                  ) : (
                    <>
                      <ul className="plain-list compact">
                        {role.requirements.map((requirement) => (
                          <li key={requirement.skill}>
                            {skillName.get(requirement.skill) ?? requirement.skill} — level {requirement.level}, {requirement.weight}
                          </li>
                        ))}
                      </ul>
                      {mayEdit ? (
                        <button type="button" className="secondary" onClick={() => setEditing(role.id)} aria-label={`Edit the requirements of ${role.name}`}>
                          Edit requirements
                        </button>
                      ) : null}
                    </>
                  )}
                </article>
              ))}
            </div>
          );
        }}
      </QueryState>
      <h2>Credential catalog</h2>
      <QueryState query={catalog} label="Loading the catalog">
        {(data) => {
          const addForm = mayEdit ? (
            <details className="card">
              <summary>Add a credential (what-if)</summary>
              <AddCredentialForm skills={data.skills} existingIds={new Set(data.credentials.map((credential) => credential.id))} pending={whatIf.isPending} onApply={(credential) => whatIf.mutate({ credentials: [...data.credentials, credential] })} />
            </details>
          ) : null;
          const skillName = new Map(data.skills.map((skill) => [skill.id, skill.name]));
          const credentialName = new Map(data.credentials.map((credential) => [credential.id, credential.name]));
          return (
            <>
            {addForm}
            <table className="data-table">
              <caption className="visually-hidden">Micro-credentials with the skills they grant</caption>
              <thead>
                <tr>
                  <th scope="col">Credential</th>
                  <th scope="col">Issuer</th>
                  <th scope="col">Grants</th>
                  <th scope="col" className="numeric">Hours</th>
                  <th scope="col" className="numeric">Cost</th>
                  <th scope="col">Valid for</th>
                </tr>
              </thead>
              <tbody>
                {data.credentials.map((credential) => (
                  <tr key={credential.id}>
                    <th scope="row">
                      {credential.name}
                      {credential.components ? (
                        <span className="muted block">stack of {credential.components.map((id) => credentialName.get(id) ?? id).join(' + ')}</span>
                      ) : null}
                    </th>
                    <td>{credential.issuer}</td>
                    <td>{credential.grants.map((grant) => `${skillName.get(grant.skill) ?? grant.skill} ${grant.level}`).join(', ')}</td>
                    <td className="numeric">{credential.components ? '—' : (credential.hours ?? '—')}</td>
                    <td className="numeric">{credential.components ? '—' : credential.cost === undefined ? '—' : formatMoney(credential.cost, credential.currency ?? 'EUR')}</td>
                    <td>{credential.validityMonths ? `${credential.validityMonths} months` : 'does not expire'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
