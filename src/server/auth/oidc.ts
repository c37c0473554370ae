// Sign-in with the organisation's identity provider (SPEC §9): OpenID Connect, authorization code
// with PKCE, state and nonce (openid-client). The identity's email links to a Gapmap account an admin
// made beforehand; an identity without one is refused and audited. Configured by environment:
// GAPMAP_OIDC_ISSUER, GAPMAP_OIDC_CLIENT_ID, GAPMAP_OIDC_CLIENT_SECRET, GAPMAP_OIDC_REDIRECT_URL
// (and GAPMAP_OIDC_NAME, the provider's name on the sign-in button; GAPMAP_OIDC_POST_LOGOUT_URL, where
// the provider sends people back after signing them out, by default the page's first address).
// Signing out of Gapmap after signing in there also ends the session at the provider (RP-initiated logout).
import type { Context, Hono } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import * as client from 'openid-client';
import type { SignInContext, SignInOptions } from './signIn';
import { digestOf, newSecret } from './secrets';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  redirectUrl: string;
  name: string;
  /** Registered at the provider as a post-logout redirect URI. */
  postLogoutUrl?: string;
}

const PENDING_COOKIE = 'gapmap_oidc';
const PENDING_MS = 10 * 60_000;

/** The settings from the environment; undefined when the issuer is not set, an error when it is set by halves. */
export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): OidcSettings | undefined {
  const issuer = env.GAPMAP_OIDC_ISSUER;
  if (!issuer) return undefined;
  const clientId = env.GAPMAP_OIDC_CLIENT_ID;
  const redirectUrl = env.GAPMAP_OIDC_REDIRECT_URL;
  if (!clientId || !redirectUrl) throw new Error('GAPMAP_OIDC_ISSUER is set: GAPMAP_OIDC_CLIENT_ID and GAPMAP_OIDC_REDIRECT_URL are needed too.');
  return { issuer, clientId, clientSecret: env.GAPMAP_OIDC_CLIENT_SECRET, redirectUrl, name: env.GAPMAP_OIDC_NAME ?? new URL(issuer).hostname, ...(env.GAPMAP_OIDC_POST_LOGOUT_URL ? { postLogoutUrl: env.GAPMAP_OIDC_POST_LOGOUT_URL } : {}) };
}

/** openid-client's errors say what was wrong in their cause (e.g. the state that did not match). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'http:' && (hostname === 'localhost' || hostname === '127.0.0.1');
}

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
}

export function createOidcSignIn(settings: OidcSettings): NonNullable<SignInOptions['oidc']> {
  if (new URL(settings.issuer).protocol !== 'https:' && !isLocal(settings.issuer)) throw new Error('GAPMAP_OIDC_ISSUER must be https (plain http only on this machine, for tests).');
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    discovered ??= client
      .discovery(new URL(settings.issuer), settings.clientId, undefined, settings.clientSecret ? client.ClientSecretPost(settings.clientSecret) : client.None(), isLocal(settings.issuer) ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        discovered = undefined; // try again on the next sign-in
        throw error;
      });
    return discovered;
  };
  const secure = settings.redirectUrl.startsWith('https:');

  return {
    name: settings.name,
    async signOutUrl() {
      // Only where the provider offers it (its discovery names an end_session_endpoint).
      const config = await configuration().catch(() => undefined);
      if (!config?.serverMetadata().end_session_endpoint) return undefined;
      return client.buildEndSessionUrl(config, { client_id: settings.clientId, post_logout_redirect_uri: settings.postLogoutUrl ?? new URL('/', settings.redirectUrl).href }).href;
    },
    mount(app: Hono, signIn: SignInContext) {
      async function refuse(c: Context, reason: string, subject = '') {
        // The operator sees why (the person only that it did not work).
        console.warn(`gapmap: OpenID Connect sign-in refused: ${reason}`);
        await signIn.audit.append({ actorId: 'anonymous', actor: signIn.addressOf(c), action: 'sign-in-refused', subject, detail: { reason, via: 'oidc', address: signIn.addressOf(c) } });
        const message = subject && reason === 'no account for this identity' ? `There is no Gapmap account for ${subject}. Ask your Gapmap administrator for one.` : 'Sign-in did not complete. Please try again.';
        return c.redirect(`/?signin-error=${encodeURIComponent(message)}`, 303);
      }

      app.get('/auth/oidc/login', async (c) => {
        let config: client.Configuration;
        try {
          config = await configuration();
        } catch (error) {
          console.error('gapmap: the identity provider cannot be reached:', error);
          return c.redirect(`/?signin-error=${encodeURIComponent(`${settings.name} cannot be reached right now. Try again in a moment.`)}`, 303);
        }
        const pending: Pending = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
        const id = newSecret();
        await signIn.accounts.addPendingLogin(digestOf(id), JSON.stringify(pending), new Date(signIn.now().getTime() + PENDING_MS).toISOString());
        setCookie(c, PENDING_COOKIE, id, { httpOnly: true, sameSite: 'Lax', secure, path: '/auth/oidc', maxAge: PENDING_MS / 1000 });
        const target = client.buildAuthorizationUrl(config, {
          redirect_uri: settings.redirectUrl,
          scope: 'openid email profile',
          code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
          code_challenge_method: 'S256',
          state: pending.state,
          nonce: pending.nonce,
        });
        return c.redirect(target.href, 302);
      });

      app.get('/auth/oidc/callback', async (c) => {
        const id = getCookie(c, PENDING_COOKIE);
        deleteCookie(c, PENDING_COOKIE, { path: '/auth/oidc', secure });
        // One use only: a replayed callback (or one after 10 minutes) finds nothing.
        const stored = id ? await signIn.accounts.takePendingLogin(digestOf(id), signIn.now().toISOString()) : undefined;
        if (!stored) return refuse(c, 'no pending sign-in (expired, replayed or from another browser)');
        const pending = JSON.parse(stored) as Pending;
        let claims: client.IDToken | undefined;
        try {
          const config = await configuration();
          // The URL the provider redirected to, as the provider knows it (behind a proxy the request's own may differ).
          const current = new URL(settings.redirectUrl);
          current.search = new URL(c.req.url).search;
          const tokens = await client.authorizationCodeGrant(config, current, { pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true });
          claims = tokens.claims();
          // Many providers keep the email out of the ID token: then it comes from the userinfo endpoint (same subject).
          if (claims && typeof claims.email !== 'string') {
            const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
            claims = { ...claims, email: info.email, email_verified: info.email_verified };
          }
        } catch (error) {
          return refuse(c, `the provider's answer was refused: ${describe(error)}`);
        }
        const email = typeof claims?.email === 'string' ? claims.email : undefined;
        if (!email) return refuse(c, 'the identity has no email');
        if (claims?.email_verified === false) return refuse(c, 'the identity’s email is not verified', email);
        const account = await signIn.accounts.accountByEmail(email);
        if (!account) return refuse(c, 'no account for this identity', email);
        await signIn.signedIn(c, account.id, 'oidc');
        return c.redirect('/', 303);
      });
    },
  };
}
