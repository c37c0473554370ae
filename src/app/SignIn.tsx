// Server mode only (SPEC §9): everyone signs in before any figure shows. The gate asks the server who
// is signed in; signed out, it shows the sign-in page (email and password, and the organisation's
// identity provider when configured); signed in, the app with the header naming who and their role.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchAuthConfig, signedInHint, signedInQuery, signInWithPassword, signOut } from '../api/access';
import { ApiError } from '../api/client';
import { encodePersona, personaKindOf, type Persona, type SignedInHint } from '../api/contract';
import { useUi } from '../stores/ui';
import { Loading } from '../components/QueryState';

const ROLE_NAMES = { admin: 'Admin', manager: 'Manager', hr: 'HR' } as const;

/** Who is signed in, as the gate and the header need it: /api/session's answer or the page's hint. */
interface SignedInPerson {
  user?: { name: string; role: SignedInHint['role'] };
  teams: readonly string[];
}

/** The page's views still speak in personas: the signed-in role decides which (the server decides what is shown). */
function personaOf(session: SignedInPerson): Persona {
  const kind = session.user ? personaKindOf(session.user.role) : 'lnd';
  return kind === 'manager' ? { kind, team: session.teams[0] ?? '' } : { kind };
}

/** The marker the server sent with the page, read once: it does not change while the page lives. */
let pageHint: SignedInHint | 'signed-out' | undefined | null = null;
function hintOfThisPage(): SignedInHint | 'signed-out' | undefined {
  if (pageHint === null) pageHint = signedInHint();
  return pageHint;
}

/**
 * Who is signed in: the server's answer to /api/session, and until it comes, who the server found
 * signed in when it sent the page (index.html's marker): the first render is then the app (or the
 * sign-in page) at once, instead of a loading line and a whole render more once the answer comes.
 */
function useSignedIn() {
  const signedIn = useQuery(signedInQuery);
  const hint = hintOfThisPage();
  const fromHint: SignedInPerson | 'signed-out' | undefined = hint === undefined || hint === 'signed-out' ? hint : { user: { name: hint.name, role: hint.role }, teams: hint.teams };
  return { signedIn, session: signedIn.isPending ? fromHint : signedIn.data };
}

/** Before the first render on a server: the persona of who the page's marker says is signed in, so that render is already theirs. */
export function adoptSignedInHint(): void {
  const hint = hintOfThisPage();
  if (hint && hint !== 'signed-out') useUi.getState().setPersona(personaOf({ user: hint, teams: hint.teams }));
}

export function SignInGate({ children }: { children: ReactNode }) {
  const { signedIn, session } = useSignedIn();
  const persona = useUi((state) => state.persona);
  const setPersona = useUi((state) => state.setPersona);
  const wanted = session && session !== 'signed-out' ? personaOf(session) : undefined;
  // The persona lives in the UI store (an external store): bring it in line with who signed in.
  useEffect(() => {
    if (wanted && encodePersona(wanted) !== encodePersona(persona)) setPersona(wanted);
  }, [wanted, persona, setPersona]);
  if (session === undefined && signedIn.isPending) return <Loading label="Starting Gapmap" />;
  if (signedIn.isError) return <p role="alert">Gapmap cannot reach its server: {signedIn.error.message}</p>;
  if (session === 'signed-out') return <SignInPage />;
  return wanted && encodePersona(wanted) === encodePersona(persona) ? children : <Loading label="Starting Gapmap" />;
}

export function SignInPage() {
  const queryClient = useQueryClient();
  const config = useQuery({ queryKey: ['gapmap', 'auth-config'], queryFn: fetchAuthConfig });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const failed = new URLSearchParams(window.location.search).get('signin-error');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signInWithPassword(email, password);
      // Everything the page held belonged to nobody: start afresh (and ask again who is signed in).
      await queryClient.resetQueries();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Gapmap cannot reach its server. Try again in a moment.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <h1>Sign in to Gapmap</h1>
      {failed ? <p role="alert">{failed}</p> : null}
      {config.data?.oidc ? (
        <p>
          <a className="button-link" href={config.data.oidc.url}>
            Sign in with {config.data.oidc.name}
          </a>
        </p>
      ) : null}
      <form onSubmit={(event) => void submit(event)} className="form-grid" aria-label="Sign in with email and password">
        <label htmlFor="signin-email">Email</label>
        <input id="signin-email" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
        <label htmlFor="signin-password">Password</label>
        <input id="signin-password" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        <span />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {error ? <p role="alert">{error}</p> : null}
    </main>
  );
}

/** The header's "who is signed in" with Sign out, in place of the demo's persona switch. */
export function SignedInAs() {
  const queryClient = useQueryClient();
  const { session } = useSignedIn();
  if (!session || session === 'signed-out' || !session.user) return null;
  const { user } = session;
  return (
    <div className="signed-in-as">
      <span>
        {user.name} · {ROLE_NAMES[user.role]}
        {user.role === 'manager' && session.teams.length > 0 ? ` (${session.teams.join(', ')})` : ''}
      </span>
      <button
        type="button"
        className="header-button"
        onClick={() => {
          void signOut()
            .catch(() => undefined)
            .then((atProvider) => {
              queryClient.clear();
              void queryClient.invalidateQueries();
              // The provider signs them out there too, then sends them back to the first page.
              window.location.assign(atProvider ?? '/');
            });
        }}
      >
        Sign out
      </button>
    </div>
  );
}
