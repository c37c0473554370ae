// People & access (SPEC §9, server mode, admins): accounts with their role and granted teams, API
// tokens (made with a role and an expiry, the secret shown once, revoked here), and erasing a person.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { accessApi, type AccountView } from '../../api/access';
import { ErrorMessage, Loading } from '../../components/QueryState';

const ROLES = ['admin', 'manager', 'hr'] as const;
const teamsOf = (text: string) => text.split(',').map((team) => team.trim()).filter(Boolean);

export function AccessPage() {
  const queryClient = useQueryClient();
  const accounts = useQuery({ queryKey: ['gapmap', 'access', 'accounts'], queryFn: accessApi.accounts });
  const tokens = useQuery({ queryKey: ['gapmap', 'access', 'tokens'], queryFn: accessApi.tokens });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['gapmap', 'access'] });
  const [problem, setProblem] = useState<unknown>();
  const act = useMutation({ mutationFn: (work: () => Promise<unknown>) => work(), onSuccess: refresh, onError: setProblem });
  const [secret, setSecret] = useState<string | undefined>();

  const [email, setEmail] = useState('');
  const [role, setRole] = useState<(typeof ROLES)[number]>('manager');
  const [teams, setTeams] = useState('');
  function addAccount(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    act.mutate(() => accessApi.addAccount({ email, role, teams: teamsOf(teams) }).then(() => (setEmail(''), setTeams(''))));
  }

  const [tokenEmail, setTokenEmail] = useState('');
  const [tokenDays, setTokenDays] = useState('30');
  const [tokenLabel, setTokenLabel] = useState('');
  function makeToken(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    act.mutate(() => accessApi.createToken({ email: tokenEmail, label: tokenLabel || undefined, expiresInDays: Number(tokenDays) }).then((made) => setSecret(made.secret)));
  }

  const [erasing, setErasing] = useState('');
  function erase(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    if (!window.confirm(`Erase every record of employee ${erasing}? This cannot be undone.`)) return;
    act.mutate(() => accessApi.erase(erasing).then(() => setErasing('')));
  }

  return (
    <section aria-labelledby="access-title">
      <header className="page-header">
        <h1 id="access-title">People &amp; access</h1>
        <p className="subtitle">Who may sign in, with which role and teams. Every change here is in the audit log.</p>
      </header>
      {problem ? <ErrorMessage error={problem} /> : null}

      <h2>Accounts</h2>
      {accounts.isPending ? <Loading label="Loading accounts" /> : accounts.isError ? <ErrorMessage error={accounts.error} /> : (
        <table className="data-table">
          <thead>
            <tr><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Granted teams</th><th scope="col">Password</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {accounts.data.accounts.map((account) => (
              <AccountRow key={account.id} account={account} onChange={(change) => act.mutate(() => accessApi.changeAccount(account.id, change))} onRemove={() => act.mutate(() => accessApi.removeAccount(account.id))} />
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={addAccount} aria-label="Add an account">
        <label htmlFor="new-email">Email</label>
        <input id="new-email" type="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
        <label htmlFor="new-role">Role</label>
        <select id="new-role" value={role} onChange={(event) => setRole(event.target.value as (typeof ROLES)[number])}>
          {ROLES.map((option) => <option key={option} value={option}>{option}</option>)}
        </select>
        <label htmlFor="new-teams">Teams (comma-separated, managers)</label>
        <input id="new-teams" value={teams} onChange={(event) => setTeams(event.target.value)} />
        <button type="submit">Add account</button>
      </form>

      <h2>API tokens</h2>
      {secret ? (
        <p role="status">
          The new token, shown only now: <code>{secret}</code>
        </p>
      ) : null}
      {tokens.isPending ? <Loading label="Loading tokens" /> : tokens.isError ? <ErrorMessage error={tokens.error} /> : (
        <table className="data-table">
          <thead>
            <tr><th scope="col">Label</th><th scope="col">Account</th><th scope="col">Role</th><th scope="col">Expires</th><th scope="col">State</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {tokens.data.tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.label}</td><td>{token.email}</td><td>{token.role}</td><td>{token.expiresAt.slice(0, 10)}</td>
                <td>{token.revokedAt ? `revoked ${token.revokedAt.slice(0, 10)}` : 'active'}</td>
                <td>{token.revokedAt ? null : <button type="button" className="danger" onClick={() => act.mutate(() => accessApi.revokeToken(token.id))}>Revoke</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={makeToken} aria-label="Create an API token">
        <label htmlFor="token-email">For account (email)</label>
        <input id="token-email" type="email" required value={tokenEmail} onChange={(event) => setTokenEmail(event.target.value)} />
        <label htmlFor="token-label">Label</label>
        <input id="token-label" value={tokenLabel} onChange={(event) => setTokenLabel(event.target.value)} />
        <label htmlFor="token-days">Expires in (days)</label>
        <input id="token-days" type="number" min={1} max={366} required value={tokenDays} onChange={(event) => setTokenDays(event.target.value)} />
        <button type="submit">Create token</button>
      </form>

      <h2>Erase a person</h2>
      <p>Removes every record that names the employee (awards, assessments, goals, interests, history), in one change. The audit log keeps the event without their name.</p>
      <form className="inline-form" onSubmit={erase} aria-label="Erase a person">
        <label htmlFor="erase-id">Employee id</label>
        <input id="erase-id" required value={erasing} onChange={(event) => setErasing(event.target.value)} />
        <button type="submit" className="danger">Erase</button>
      </form>
    </section>
  );
}

function AccountRow({ account, onChange, onRemove }: { account: AccountView; onChange: (change: { role?: string; teams?: string[] }) => void; onRemove: () => void }) {
  const [teams, setTeams] = useState(account.teams.join(', '));
  return (
    <tr>
      <td>{account.email}</td>
      <td>
        <select aria-label={`Role of ${account.email}`} value={account.role} onChange={(event) => onChange({ role: event.target.value })}>
          {ROLES.map((option) => <option key={option} value={option}>{option}</option>)}
        </select>
      </td>
      <td>
        {account.role === 'manager' ? (
          <span className="inline-form">
            <input aria-label={`Teams of ${account.email}`} value={teams} onChange={(event) => setTeams(event.target.value)} />
            <button type="button" className="secondary" onClick={() => onChange({ teams: teamsOf(teams) })}>Save teams</button>
          </span>
        ) : '—'}
      </td>
      <td>{account.hasPassword ? 'yes' : 'no'}</td>
      <td><button type="button" className="danger" onClick={onRemove}>Remove</button></td>
    </tr>
  );
}
