// A real OpenID Provider in the test process (oidc-provider, its development login screens): any
// login name signs in as `<name>@oidc.test`, with a verified email. Used by the OIDC tests and e2e.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import Provider from 'oidc-provider';

export const OIDC_CLIENT = { id: 'gapmap-test', secret: 'a test client secret, not a real one' };

/** A port nobody listens on right now (for a redirect URL that must be known before the server starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function startOidcProvider(redirectUrls: string[]): Promise<{ issuer: string; close(): Promise<void> }> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: OIDC_CLIENT.id,
      client_secret: OIDC_CLIENT.secret,
      redirect_uris: redirectUrls,
      // Gapmap sends people back to its first page after signing them out here.
      post_logout_redirect_uris: redirectUrls.map((url) => new URL('/', url).href),
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    async findAccount(_ctx, sub) {
      return { accountId: sub, claims: async () => ({ sub, email: `${sub}@oidc.test`, email_verified: true }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['a test cookie key, not a real one'] },
  });
  const server: Server = await new Promise((resolve) => {
    const started = provider.listen(port, '127.0.0.1', () => resolve(started));
  });
  return {
    issuer,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
