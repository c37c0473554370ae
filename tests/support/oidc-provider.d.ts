// The little of oidc-provider's API the tests use (the package ships no types; @types/oidc-provider
// is not a dependency): a provider constructed from a configuration, listening like a Koa app.
declare module 'oidc-provider' {
  import type { Server } from 'node:http';
  interface ProviderAccount {
    accountId: string;
    claims(): Promise<Record<string, unknown>>;
  }
  interface ProviderConfiguration {
    clients: Record<string, unknown>[];
    findAccount(ctx: unknown, sub: string): Promise<ProviderAccount | undefined>;
    claims?: Record<string, string[]>;
    pkce?: { required?: () => boolean };
    features?: Record<string, unknown>;
    cookies?: { keys?: string[] };
    ttl?: Record<string, number>;
  }
  export default class Provider {
    constructor(issuer: string, configuration: ProviderConfiguration);
    listen(port: number, host: string, callback: () => void): Server;
  }
}
