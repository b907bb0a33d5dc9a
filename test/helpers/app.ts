import { createHash } from "node:crypto";
import type { FastifyBaseLogger, FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { type AppDeps, buildApp } from "../../src/app.js";
import { loadTenant } from "../../src/config/tenant.js";
import type { DatabaseHandle } from "../../src/db/client.js";
import {
  createAccount,
  login,
  type Role,
  SESSION_COOKIE,
} from "../../src/modules/accounts/index.js";
import { systemActor } from "../../src/platform/actor.js";
import { loadDefaultData } from "../../src/seed.js";
import { freshDatabase } from "./database.js";

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  tenant: ReturnType<typeof loadTenant>;
  /** Creates an account with the role and returns its session cookie header. */
  sessionFor(role: Role, scope?: string): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;

export interface TestAppOptions {
  /** PGlite: DB_WAIT_LIMIT_MS for this app (a test can lower it later via database.transactions). */
  dbWaitLimitMs?: number | undefined;
  /** Instead of a silent logger, e.g. to collect the errors behind a 500. */
  logger?: FastifyBaseLogger | undefined;
}

/** What buildApp gets in a test: the database and tenant given, a fixed secret, no log lines. */
const appDeps = (database: DatabaseHandle, tenant: TestApp["tenant"]): AppDeps => ({
  db: database.db,
  databaseKind: database.kind,
  tenant,
  sessionSecret: "test-secret-test-secret-test-secret-0123456789",
  logLevel: "silent",
});

/** The app on a fresh database with the default data set, as `npm start` would serve it. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await freshDatabase({ waitLimitMs: options.dbWaitLimitMs, seeded: true });
  const tenant = loadTenant();
  // PGlite starts from a snapshot with the data set; a PostgreSQL test database is loaded here.
  if (database.kind === "postgresql") await loadDefaultData(database.db, tenant);
  const app = await buildApp({
    ...appDeps(database, tenant),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return {
    app,
    database,
    tenant,
    async sessionFor(role, scope) {
      counter += 1;
      const username = `test-${role}-${counter}`;
      const password = "correct-horse-battery-staple";
      await createAccount(database.db, systemActor(tenant.municipality.code), {
        username,
        displayName: `Test ${role}`,
        role,
        scope:
          scope ??
          (role === "partner" || role === "buurtverbinder" ? "Testorganisatie" : undefined),
        password,
      });
      const session = await login(database.db, username, password);
      if (!session) throw new Error("login failed in test helper");
      return `${SESSION_COOKIE}=${session.token}`;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/**
 * Another instance of the app on the same database, as a second server would run it; `overrides`
 * changes its settings. The caller closes it.
 */
export function secondInstance(t: TestApp, overrides: Partial<AppDeps> = {}) {
  return buildApp({ ...appDeps(t.database, t.tenant), ...overrides });
}

export interface UsedTestApp extends TestApp {
  /** The session cookie made in beforeAll for one of the roles given to useTestApp. */
  cookie(role: Role): string;
}

/**
 * Starts the test app in beforeAll (with a session for each role given) and closes it in afterAll,
 * for the file or the describe block it is called in. What it returns reads the started app.
 */
export function useTestApp(roles: readonly Role[] = [], options: TestAppOptions = {}): UsedTestApp {
  let started: TestApp | undefined;
  const cookies = new Map<Role, string>();
  beforeAll(async () => {
    started = await startTestApp(options);
    for (const role of roles) cookies.set(role, await started.sessionFor(role));
  });
  afterAll(async () => {
    await started?.close();
  });
  const current = () => {
    if (!started) throw new Error("the test app starts in beforeAll");
    return started;
  };
  return {
    get app() {
      return current().app;
    },
    get database() {
      return current().database;
    },
    get tenant() {
      return current().tenant;
    },
    sessionFor: (role, scope) => current().sessionFor(role, scope),
    close: () => current().close(),
    cookie(role) {
      const cookie = cookies.get(role);
      if (!cookie) throw new Error(`no session for ${role}: pass it to useTestApp`);
      return cookie;
    },
  };
}

/** Collects Set-Cookie headers into one Cookie header, as a browser would send them back. */
export function cookiesFrom(response: LightMyRequestResponse, previous = ""): string {
  const jar = new Map(
    previous
      .split("; ")
      .filter(Boolean)
      .map((c) => c.split("=", 2) as [string, string]),
  );
  for (const c of response.cookies) jar.set(c.name, c.value);
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

/** GETs a page and returns its CSRF token and cookies, for posting a form as a browser would. */
export async function formSession(app: FastifyInstance, path: string, cookie = "") {
  const page = await app.inject({ method: "GET", url: path, headers: cookie ? { cookie } : {} });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!token) throw new Error(`no CSRF token on ${path} (status ${page.statusCode})`);
  return { token, cookie: cookiesFrom(page, cookie), page };
}

let addresses = 0;
/** Another client address each call, so the per-address limits of the public forms stay out of the way. */
export const nextAddress = () =>
  `10.${Math.floor(addresses / 62_500) % 250}.${Math.floor(addresses / 250) % 250}.${(addresses++ % 250) + 1}`;

/**
 * Posts a form as a browser does (with its cookie header), from another address each time unless
 * the test gives one (to test what is counted per address).
 */
export function formPost(
  app: FastifyInstance,
  url: string,
  cookie: string,
  fields: Record<string, string>,
  address = nextAddress(),
) {
  return app.inject({
    method: "POST",
    url,
    remoteAddress: address,
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams(fields).toString(),
  });
}

/** Opens `page` with the session and posts its form to `action` with the page's CSRF token. */
export async function submitForm(
  app: FastifyInstance,
  page: string,
  session: string,
  action: string,
  fields: Record<string, string>,
) {
  const { token, cookie } = await formSession(app, page, session);
  return formPost(app, action, cookie, { _csrf: token, ...fields });
}

/** Logs in through the form, as a new browser would: the response, and the browser's cookies after. */
export async function formLogin(app: FastifyInstance, username: string, password: string) {
  const { token, cookie } = await formSession(app, "/inloggen");
  const response = await formPost(app, "/inloggen", cookie, {
    _csrf: token,
    gebruikersnaam: username,
    wachtwoord: password,
  });
  return { response, cookie: cookiesFrom(response, cookie) };
}

/** An API request as a client sends it: JSON body when given, session cookie when given. */
export function jsonRequest(
  app: FastifyInstance,
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  url: string,
  body?: unknown,
  cookie?: string | null,
) {
  return app.inject({
    method,
    url,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

/**
 * A file's API client: JSON requests that send the session of `defaultCookie()` unless another cookie,
 * or null for none, is given.
 */
export const apiCaller =
  (t: Pick<TestApp, "app">, defaultCookie: () => string | null) =>
  (
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    body?: unknown,
    cookie: string | null = defaultCookie(),
  ) =>
    jsonRequest(t.app, method, url, body, cookie);

/** An API write a beleidsmedewerker may do: 200 with a session that has the right, else 403 or 401. */
export const staffApiWrite = (app: FastifyInstance, cookie: string) =>
  jsonRequest(
    app,
    "PATCH",
    "/api/v1/gebieden/WK035601",
    { gebied: "GB035601", toelichting: "Indeling bevestigd" },
    cookie,
  );

/** The status a request ends with, for the checks that look at nothing else. */
export const statusOf = async (response: PromiseLike<LightMyRequestResponse>) =>
  (await response).statusCode;

/** The status of a GET of `path` as a browser asks it: with the session cookie when given. */
export const pageStatus = (app: FastifyInstance, path: string, cookie?: string) =>
  statusOf(app.inject({ url: path, headers: cookie ? { cookie } : {} }));

/** The id of the session row behind a cookie header: the SHA-256 of the session token. */
export const sessionIdOf = (cookie: string) =>
  createHash("sha256")
    .update(new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(cookie)?.[1] ?? "")
    .digest("hex");
