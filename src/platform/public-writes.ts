/**
 * The write routes that answer without a login, in one place. Every other POST, PUT, PATCH and
 * DELETE needs an account before its body is read (platform/access.ts). Each public write has a
 * small body limit and a rate limit counted in the database per client address, so it holds
 * across instances; HTML forms among them still need their CSRF token.
 * Later modules add theirs here: resident registration, booking requests, vacancy responses.
 */
export interface PublicWrite {
  /** Bytes; the body is refused (413) beyond it before it is parsed. */
  bodyLimit: number;
  rateLimit: { max: number; windowSeconds: number };
  why: string;
}

export const PUBLIC_WRITE_ROUTES: Readonly<Record<string, PublicWrite>> = {
  "POST /inloggen": {
    bodyLimit: 4 * 1024,
    // A flood guard only: failed logins get a growing delay per account and per address
    // (accounts/login-throttle.ts), which a user behind a shared address should hit first.
    rateLimit: { max: 100, windowSeconds: 15 * 60 },
    why: "inloggen kan alleen zonder sessie",
  },
  "POST /uitloggen": {
    bodyLimit: 1024,
    rateLimit: { max: 30, windowSeconds: 60 },
    why: "uitloggen met een verlopen sessie moet gewoon naar de voorpagina leiden",
  },
};

export const routeKey = (method: string, url: string) => `${method} ${url}`;
