// OpenID Connect sign-in against a real provider in this process (oidc-provider): the login starts
// with PKCE, state and nonce; a callback with a wrong state, a replayed one, or one for an identity
// without an account is refused, audited, and signs nobody in. (The browser flow is tests/e2e/oidc.spec.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisationState } from '../state/organisationState';
import { memoryStore } from '../store/organisationStore';
import { createNodeApp, listen, serverAccess } from '../hosts/node/serve';
import { OIDC_CLIENT, freePort, startOidcProvider } from '../../../tests/support/oidcProvider';
import { createOidcSignIn } from './oidc';
import { addAccount, startSession } from './accounts';

let provider: Awaited<ReturnType<typeof startOidcProvider>>;
let gapmap: Awaited<ReturnType<typeof listen>>;
let access: ReturnType<typeof serverAccess>;

beforeAll(async () => {
  const port = await freePort();
  const redirectUrl = `http://127.0.0.1:${port}/auth/oidc/callback`;
  provider = await startOidcProvider([redirectUrl]);
  const oidc = createOidcSignIn({ issuer: provider.issuer, clientId: OIDC_CLIENT.id, clientSecret: OIDC_CLIENT.secret, redirectUrl, name: 'Test IdP' });
  access = serverAccess(undefined, { oidc });
  const state = createOrganisationState(memoryStore(), () => '2026-11-25', { whenEmpty: 'stay-empty' });
  gapmap = await listen(createNodeApp({ state, access }), { port, host: '127.0.0.1' });
}, 60_000);
afterAll(async () => {
  await gapmap?.close();
  await provider?.close();
});

async function startLogin() {
  const response = await fetch(`${gapmap.url}/auth/oidc/login`, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const target = new URL(response.headers.get('location')!);
  const cookie = /gapmap_oidc=[^;]+/.exec(response.headers.get('set-cookie') ?? '')![0];
  return { target, cookie };
}

describe('sign-in with OpenID Connect', () => {
  it('offers the provider on the sign-in page and starts at its authorization endpoint with PKCE (S256), state and nonce', async () => {
    expect(await (await fetch(`${gapmap.url}/auth/config`)).json()).toEqual({ password: true, oidc: { name: 'Test IdP', url: '/auth/oidc/login' } });
    const { target, cookie } = await startLogin();
    expect(target.origin).toBe(provider.issuer);
    expect(target.searchParams.get('client_id')).toBe(OIDC_CLIENT.id);
    expect(target.searchParams.get('response_type')).toBe('code');
    expect(target.searchParams.get('code_challenge_method')).toBe('S256');
    expect(target.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(target.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(target.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(cookie).toMatch(/^gapmap_oidc=/);
  });

  it('refuses a callback whose state is not the one it sent, audits it, and signs nobody in', async () => {
    const { cookie } = await startLogin();
    const before = (await access.audit.list({ action: 'sign-in-refused' })).length;
    const response = await fetch(`${gapmap.url}/auth/oidc/callback?code=made-up&state=not-the-one-sent&iss=${encodeURIComponent(provider.issuer)}`, { headers: { cookie }, redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/\?signin-error=/);
    expect(response.headers.get('set-cookie') ?? '').not.toMatch(/gapmap_session=[^;]/);
    const refused = await access.audit.list({ action: 'sign-in-refused' });
    expect(refused.length).toBe(before + 1);
    expect(refused[0]!.detail).toMatchObject({ via: 'oidc', reason: expect.stringMatching(/state/i) });
  });

  it('refuses a replayed callback: the sign-in it belonged to is used up', async () => {
    const { target, cookie } = await startLogin();
    const url = `${gapmap.url}/auth/oidc/callback?code=made-up&state=${target.searchParams.get('state')}&iss=${encodeURIComponent(provider.issuer)}`;
    await fetch(url, { headers: { cookie }, redirect: 'manual' });
    const replay = await fetch(url, { headers: { cookie }, redirect: 'manual' });
    expect(replay.status).toBe(303);
    expect((await access.audit.list({ action: 'sign-in-refused' }))[0]!.detail).toMatchObject({ reason: expect.stringMatching(/no pending sign-in/) });
  });

  it('signing out after signing in at the provider sends the browser to end the session there too, and back', async () => {
    const account = await addAccount(access.accounts, { email: 'ida@oidc.test', role: 'hr' });
    const signOutWith = async (via: 'oidc' | 'password') => {
      const secret = await startSession(access.accounts, account.id, via);
      const response = await fetch(`${gapmap.url}/auth/logout`, { method: 'POST', headers: { origin: gapmap.url, cookie: `gapmap_session=${secret}` } });
      expect(response.status).toBe(200);
      return (await response.json()) as { identityProviderSignOut?: string };
    };
    // The provider's own discovery document is the reference for where its sign-out is.
    const discovery = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as { end_session_endpoint: string };
    const { identityProviderSignOut } = await signOutWith('oidc');
    const target = new URL(identityProviderSignOut!);
    expect(`${target.origin}${target.pathname}`).toBe(discovery.end_session_endpoint);
    expect(target.searchParams.get('client_id')).toBe(OIDC_CLIENT.id);
    expect(target.searchParams.get('post_logout_redirect_uri')).toBe(`${gapmap.url}/`);
    // The provider accepts it (its confirmation page, not an error about an unregistered address).
    expect((await fetch(target)).status).toBe(200);
    // Signed in with a password: nothing to end elsewhere.
    expect(await signOutWith('password')).toEqual({ ok: true });
  });

  it('refuses a callback without the browser that started it', async () => {
    const response = await fetch(`${gapmap.url}/auth/oidc/callback?code=x&state=y`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/signin-error/);
  });
});
