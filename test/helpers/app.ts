import type { FastifyBaseLogger, FastifyInstance, LightMyRequestResponse } from "fastify";
import { buildApp } from "../../src/app.js";
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

/** The app on a fresh database with the default data set, as `npm start` would serve it. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await freshDatabase({ waitLimitMs: options.dbWaitLimitMs });
  const tenant = loadTenant();
  await loadDefaultData(database.db, tenant);
  const app = await buildApp({
    db: database.db,
    databaseKind: database.kind,
    tenant,
    sessionSecret: "test-secret-test-secret-test-secret-0123456789",
    logLevel: "silent",
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

/** An API request as a client sends it: JSON body when given, session cookie when given. */
export function jsonRequest(
  app: FastifyInstance,
  method: "GET" | "POST" | "PATCH",
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
