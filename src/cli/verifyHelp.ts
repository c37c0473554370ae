// The help of `gapmap verify`, apart from the command so `gapmap --help` loads no JSON-LD library.
export const VERIFY_HELP = `gapmap verify — check Open Badges and verifiable credentials offline

Usage:
  gapmap verify FILE... [--jwks FILE] [--did-document FILE]... [--status-list [URL=]FILE]...
                [--as-of YYYY-MM-DD] [--email ADDRESS]

FILE holds one credential (Open Badges 2.0 assertion JSON, signed OB 2.0 JWS, Open Badges 3.0 /
verifiable credential JSON with an embedded proof, or a compact VC-JWT), or a JSON array of them.

  --jwks FILE          the issuer's public keys (a JWKS, or one JWK) for JWT-signed badges
  --did-document FILE  a did:web DID document to trust instead of fetching it (repeatable)
  --status-list [URL=]FILE  a status list credential to use for revocation, for the URL that
                       credentials name (default: the list's own id) (repeatable)
  --as-of YYYY-MM-DD   check validity over that day (UTC): a credential valid at any moment
                       of the day is valid (SPEC §3 compares days, so one expiring that day
                       still counts). Without it the check is at this moment: nbf, exp and
                       validity date-times are instants, so an exp an hour ago has expired
  --email ADDRESS      the recipient each badge must have been awarded to

Prints CSV: file,status,issuer,recipient,achievement,reason. status is verified, failed (the reason
names the check: signature, revoked, expired, not yet valid, recipient, malformed) or unverified
(no proof, or a key or status that cannot be had offline). Nothing is fetched from the network.
Exit codes: 0 none failed, 1 at least one failed, 2 usage error.`;
