import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import pino from "pino";
import { createAccount, SESSION_COOKIE } from "../../src/modules/accounts/index.js";
import { apiTokens } from "../../src/modules/accounts/schema.js";
import { issueApiToken, revokeApiToken } from "../../src/modules/accounts/token-service.js";
import { systemActor } from "../../src/platform/actor.js";
import { routeCatalog } from "../../src/platform/route-catalog.js";
import { cookiesFrom, startTestApp, type TestApp } from "../helpers/app.js";
import { partnerCaller } from "../helpers/partner-caller.js";
import { Fingerprint } from "./fingerprint.js";
import { ValuePool } from "./pool.js";
import {
  type Caller,
  type Kind,
  materialise,
  type Recipe,
  recipeArb,
  type WireRequest,
} from "./requests.js";
import {
  apiTargets,
  crawl,
  type OpenApiDocument,
  type Target,
  targetName,
  webTargets,
} from "./targets.js";

export type Problem =
  /** The server failed: status 500 or higher. */
  | "5xx"
  /**
   * Refused (4xx) for an anonymous caller or a wrong role, yet the data changed; or any change by
   * a revoked or expired token.
   */
  | "changed-on-refusal"
  /**
   * An anonymous caller or a wrong role got through a route that must refuse them, or a revoked or
   * expired token got anything but 401 on a secured operation.
   */
  | "not-refused"
  /** A GET changed the data. */
  | "read-changed";

export interface Finding {
  problem: Problem;
  target: string;
  caller: Caller["name"];
  kind: Kind;
  method: string;
  url: string;
  status: number;
  body: string;
  response: string;
  detail?: string;
}

export interface TargetStats {
  target: Target;
  /** Status codes per caller. */
  statuses: Record<Caller["name"], Map<number, number>>;
  kinds: Map<Kind, number>;
}

export interface CampaignReport {
  seed: number;
  runsPerTarget: number;
  database: string;
  operations: number;
  targets: TargetStats[];
  requests: number;
  byClass: Record<string, number>;
  findings: Finding[];
  crawledPages: number;
  injectErrors: { target: string; url: string; error: string }[];
  catalogMissing: string[];
  oracle: { writeSeen: boolean; refusalUnchanged: boolean };
  ms: number;
}

const excerpt = (s: string | Buffer | undefined, n = 160) => {
  const text = s === undefined ? "" : typeof s === "string" ? s : s.toString("latin1");
  const flat = JSON.stringify(text.length > n ? `${text.slice(0, n)}…(${text.length})` : text);
  return flat.slice(1, -1);
};

/** Keeps the error lines the app logs, so each 5xx comes with its cause. */
function errorLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: "error" }, stream), lines };
}

const causeOf = (line: string | undefined) => {
  if (!line) return undefined;
  try {
    const entry = JSON.parse(line) as { err?: { message?: string; stack?: string }; msg?: string };
    const stack = entry.err?.stack?.split("\n").slice(0, 4).join(" | ");
    return stack ?? entry.err?.message ?? entry.msg;
  } catch {
    return line.slice(0, 300);
  }
};

export interface CampaignOptions {
  /** Generated requests per target and caller. */
  runs: number;
  /** Raises `runs` so that at least this many requests are sent in all. */
  minRequests?: number;
  seed?: number;
  /** Called after each target, for progress output. */
  onTarget?: (stats: TargetStats, index: number, total: number) => void;
}

/** The token callers that must be refused: a revoked and an expired API token. */
export const DEAD_TOKENS: readonly Caller["name"][] = ["ingetrokken", "verlopen"];

/**
 * API tokens of a beheerder account, as callers without a cookie: a valid one, a revoked one and
 * an expired one.
 */
async function tokenCallers(t: TestApp) {
  const db = t.database.db;
  const actor = systemActor(t.tenant.municipality.code);
  const { account } = await createAccount(db, actor, {
    username: "fuzz-systeem",
    displayName: "Fuzz-systeem",
    role: "beheerder",
  });
  const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const issue = (name: string) =>
    issueApiToken(db, actor, { accountId: account.id, name, expires });
  const valid = await issue("fuzz");
  const revoked = await issue("fuzz-ingetrokken");
  await revokeApiToken(db, actor, revoked.row.id);
  const expired = await issue("fuzz-verlopen");
  await db
    .update(apiTokens)
    .set({ expiresAt: new Date(Date.now() - 60_000) })
    .where(eq(apiTokens.id, expired.row.id));
  const caller = (name: Caller["name"], token: string): Caller => ({
    name,
    cookie: "",
    csrf: "",
    authorization: `Bearer ${token}`,
  });
  return {
    token: caller("token", valid.token),
    ingetrokken: caller("ingetrokken", revoked.token),
    verlopen: caller("verlopen", expired.token),
  };
}

/**
 * Sends generated requests to every operation of the OpenAPI document, every HTML form route and
 * every page, as three callers (anonymous, wrong role, authorised), and checks after each one:
 * no 5xx; a refused request (4xx) by an anonymous caller or a wrong role changed nothing; such
 * callers never get through a guarded route; a GET changes nothing.
 */
export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const started = Date.now();
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const log = errorLog();
  const t = await startTestApp({ logger: log.logger });
  try {
    return await campaign(t, options, seed, log.lines, started);
  } finally {
    await t.close();
  }
}

async function campaign(
  t: TestApp,
  options: CampaignOptions,
  seed: number,
  errorLines: string[],
  started: number,
): Promise<CampaignReport> {
  const { app } = t;
  const pool = new ValuePool();
  const fingerprint = await Fingerprint.create(t.database.db);

  // Callers: each with its own cookie jar (session, CSRF secret) and a CSRF token for its forms.
  const withCsrf = async (name: Caller["name"], session: string): Promise<Caller> => {
    for (const page of ["/inloggen", "/account", "/"]) {
      const response = await app.inject({ url: page, headers: session ? { cookie: session } : {} });
      const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
      if (token) return { name, cookie: cookiesFrom(response, session), csrf: token };
    }
    throw new Error(`no CSRF token for ${name}`);
  };
  const callers: Record<Caller["name"], Caller> = {
    anoniem: await withCsrf("anoniem", ""),
    inwoner: await withCsrf("inwoner", await t.sessionFor("inwoner")),
    beheerder: await withCsrf("beheerder", await t.sessionFor("beheerder")),
    // Only the API operations get these: pages and forms do not read the Authorization header.
    ...(await tokenCallers(t)),
  };
  const refresh = async (name: "inwoner" | "beheerder") => {
    callers[name] = await withCsrf(name, await t.sessionFor(name));
  };
  // The authorised caller of a partner's own routes (its portal, reports, profile proposals).
  const partnerAccount = await partnerCaller(t);
  let partner = await withCsrf("beheerder", partnerAccount.cookie);
  const partnerToken: Caller = {
    name: "token",
    cookie: "",
    csrf: "",
    authorization: `Bearer ${partnerAccount.token}`,
  };

  // What to fuzz: the served OpenAPI document and the routes the app registered.
  const doc = (await app.inject({ url: "/api/v1/openapi.json" })).json() as OpenApiDocument;
  const api = apiTargets(doc);
  const web = webTargets(app);
  const catalogued = new Set(routeCatalog(app).map((r) => `${r.method} ${r.url}`));
  const catalogMissing = api.map(targetName).filter((n) => !catalogued.has(n));
  const targets = [...api, ...web];
  // Per run: the anonymous caller and the wrong role, then the authorised account.
  const runs = Math.max(options.runs, Math.ceil((options.minRequests ?? 0) / (targets.length * 3)));

  // Real values: every list the API offers, and the pages (links, forms) as a browser sees them.
  for (const target of api) {
    if (target.method !== "GET" || target.pathParams.length > 0) continue;
    if (target.query.some((q) => q.required)) continue;
    const response = await app.inject({
      url: target.pattern,
      headers: { cookie: callers.beheerder.cookie },
    });
    if (response.headers["content-type"]?.includes("json")) pool.absorbJson(response.json());
  }
  const explorer = await crawl(app, callers.beheerder.cookie, targets, pool, {
    start: [
      "/",
      "/beheer/gebruikers",
      "/account",
      "/monitor/import",
      "/beheer/audit",
      "/beheer/subsidies",
      "/beheer/verantwoordingen",
      "/beheer/begroting-welzijn",
      "/beheer/organisaties",
      "/organisaties",
    ],
    perPattern: 6,
  });
  // The partner's pages hold the forms of its own routes.
  await crawl(
    app,
    partner.cookie,
    targets.filter((x) => x.authorisedAs === "partner"),
    pool,
    { start: ["/partner", "/partner/verantwoordingen", "/partner/subsidies"], perPattern: 6 },
  );

  // The oracle must see a change: an authorised write moves the fingerprint, a refused one not.
  const oracle = { writeSeen: false, refusalUnchanged: false };
  const goal = pool.pick(["doelen"], 0);
  if (goal !== undefined) {
    const patch = (cookie: string) =>
      app.inject({
        method: "PATCH",
        url: `/api/v1/doelen/${goal}`,
        headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
        payload: JSON.stringify({ eigenaar: "Fuzz-orakel" }),
      });
    const before = await fingerprint.take();
    const refused = await patch(callers.anoniem.cookie);
    const afterRefused = await fingerprint.take();
    oracle.refusalUnchanged =
      refused.statusCode >= 400 && refused.statusCode < 500 && before === afterRefused;
    const done = await patch(callers.beheerder.cookie);
    oracle.writeSeen = done.statusCode < 300 && (await fingerprint.take()) !== afterRefused;
  }

  const findings: Finding[] = [];
  const injectErrors: CampaignReport["injectErrors"] = [];
  const byClass: Record<string, number> = { "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0 };
  let requests = 0;
  const stats: TargetStats[] = [];

  const send = async (
    target: Target,
    req: WireRequest,
  ): Promise<LightMyRequestResponse | undefined> => {
    try {
      return await app.inject({
        method: req.method as "GET",
        url: req.url,
        headers: req.headers,
        ...(req.payload === undefined ? {} : { payload: req.payload }),
      });
    } catch (error) {
      injectErrors.push({ target: targetName(target), url: req.url, error: String(error) });
      return undefined;
    }
  };

  // The fingerprint after the last checked request, while nothing else has written since.
  let last: string | undefined;
  const fingerprintNow = async () => {
    last ??= await fingerprint.take();
    return last;
  };

  for (const [index, target] of targets.entries()) {
    const s: TargetStats = {
      target,
      statuses: {
        anoniem: new Map(),
        inwoner: new Map(),
        beheerder: new Map(),
        token: new Map(),
        ingetrokken: new Map(),
        verlopen: new Map(),
      },
      kinds: new Map(),
    };
    const arb = recipeArb(target);
    const targetSeed = (seed + index * 7919) % 2 ** 31;

    const asPartner = target.authorisedAs === "partner";
    const who = (caller: Caller["name"]) =>
      asPartner && caller === "beheerder"
        ? partner
        : asPartner && caller === "token"
          ? partnerToken
          : callers[caller];
    // The valid token sends exactly what the session sent (same values, not the same recipe
    // resolved again against a pool the session's writes have grown), only its own credentials.
    const sessionSent: WireRequest[] = [];
    let tokenTurn = 0;
    const exchange = async (caller: Caller["name"], recipe: Recipe) => {
      let req = materialise(target, recipe, who(caller), pool);
      if (caller === "beheerder" && target.kind === "api") sessionSent.push(req);
      const same = caller === "token" ? sessionSent[tokenTurn++] : undefined;
      if (same) {
        const { cookie: _, ...headers } = same.headers;
        req = { ...same, headers: { ...headers, authorization: who("token").authorization ?? "" } };
      }
      const authorised = caller === "beheerder" || caller === "token";
      const dead = DEAD_TOKENS.includes(caller);
      // Refusals must change nothing, and reads nothing at all: both are checked row by row.
      const checked = !authorised || req.method === "GET";
      const before = checked ? await fingerprintNow() : undefined;
      const logged = errorLines.length;
      const response = await send(target, req);
      last = undefined;
      if (!response) return;
      const after = checked ? await fingerprintNow() : undefined;
      const status = response.statusCode;
      requests += 1;
      const statusClass = `${Math.floor(status / 100)}xx`;
      byClass[statusClass] = (byClass[statusClass] ?? 0) + 1;
      s.statuses[caller].set(status, (s.statuses[caller].get(status) ?? 0) + 1);
      // FUZZ_SHOW=<route pattern>: why an authorised request to that route was refused, one by one.
      if (
        process.env.FUZZ_SHOW === target.pattern &&
        (caller === "beheerder" || caller === "token")
      )
        console.log(caller, status, req.method, req.url, recipe.kind, response.body.slice(0, 300));
      const finding = (problem: Problem, detail?: string) =>
        findings.push({
          problem,
          target: targetName(target),
          caller,
          kind: recipe.kind,
          method: req.method,
          url: req.url.length > 300 ? `${req.url.slice(0, 300)}…` : req.url,
          status,
          body: excerpt(req.payload),
          response: excerpt(response.body, 240),
          ...(detail ? { detail } : {}),
        });
      if (status >= 500) finding("5xx", causeOf(errorLines[logged]));
      const changed = before !== after;
      if (!authorised && changed && ((status >= 400 && status < 500) || dead)) {
        finding("changed-on-refusal", fingerprint.diff(before ?? "", after ?? ""));
      }
      const mustRefuse =
        (caller === "anoniem" && target.refusesAnonymous) ||
        (caller === "inwoner" && target.refusesWrongRole);
      if (mustRefuse && status < 400) finding("not-refused");
      if (dead && target.refusesAnonymous && status !== 401) {
        // Only a refusal before anyone's credentials are read (the input boundary, a malformed
        // address) may answer otherwise: the same request without the token gets the same answer.
        const { authorization: _token, ...anonymous } = req.headers;
        const control = await send(target, { ...req, headers: anonymous });
        last = undefined;
        if (status >= 500 || status < 400 || control?.statusCode !== status) {
          finding("not-refused", `geen 401; zonder token ${control?.statusCode}`);
        }
      }
      if (req.method === "GET" && changed) {
        finding("read-changed", fingerprint.diff(before ?? "", after ?? ""));
      }
      // A valid request that worked: its parameters are a real set for this route from now on.
      const worked = req.method === "GET" ? status < 300 : status < 400;
      if (worked && recipe.kind === "valid" && req.params && target.pathParams.length > 0) {
        pool.addTuple(target.pattern, req.params);
      }
      // Learn from what the authorised caller gets back: created ids, published versions.
      if (
        caller === "beheerder" &&
        status < 300 &&
        response.headers["content-type"]?.includes("json")
      ) {
        try {
          const json = response.json() as Record<string, unknown>;
          pool.absorbJson(json);
          // What a POST created counts for its collection: POST /api/v1/indicatoren → "indicatoren".
          const collection = target.pattern.split("/")[3];
          if (collection && json && typeof json === "object") {
            pool.add(collection, json.id);
            pool.add(collection, json.code);
          }
        } catch {
          // not JSON after all
        }
      }
      // And from the pages and redirects it gets: a copied document's "wijzigingen", a new version.
      const location = response.headers.location;
      if (typeof location === "string" && location.startsWith("/")) {
        explorer.noteUrl(location.split("#", 1)[0] as string, "GET");
      }
      if (
        caller === "beheerder" &&
        status === 200 &&
        response.headers["content-type"]?.includes("text/html")
      ) {
        explorer.noteLinks(response.body);
      }
      // Logged out (POST /uitloggen): log in again, so the next requests keep their role.
      // Or lost the session another way (the account deactivated or its password reset by the
      // beheerder's own generated requests): a 401 or 403 is then checked, so a wrong role never
      // silently turns into an anonymous caller and the authorised caller never stays locked out.
      const probe =
        caller === "beheerder" ? (asPartner ? "/partner" : "/beheer/gebruikers") : "/account";
      // A page sends a lost session to the login page instead of answering 401.
      const toLogin = String(response.headers.location ?? "").startsWith("/inloggen");
      const sessionLost =
        (caller === "beheerder" && (status === 401 || status === 403 || toLogin)) ||
        (caller === "inwoner" && status === 401)
          ? (await app.inject({ url: probe, headers: { cookie: who(caller).cookie } }))
              .statusCode !== 200
          : false;
      // The beheerder may have given the inwoner's account another role (its id is one of the
      // accounts it reaches): from then on the inwoner is a new account with only its own role.
      if (
        caller === "beheerder" &&
        status < 400 &&
        req.method !== "GET" &&
        target.pattern.startsWith("/beheer/gebruikers/")
      ) {
        await refresh("inwoner");
      }
      const loggedOut =
        sessionLost || response.cookies.some((c) => c.name === SESSION_COOKIE && c.value === "");
      if (loggedOut && caller === "beheerder" && asPartner) {
        partner = await withCsrf("beheerder", await partnerAccount.session());
        last = undefined;
      } else if (loggedOut && (caller === "inwoner" || caller === "beheerder")) {
        await refresh(caller);
        last = undefined;
      }
    };

    // Every caller gets the same requests (same seeds): the first one always a valid request, so
    // each route is reached with real values at least once, then `runs - 1` of every kind.
    const valid = recipeArb(target, "valid");
    const each = async (send: (recipe: Recipe) => Promise<void>) => {
      await fc.assert(fc.asyncProperty(valid, send), { numRuns: 1, seed: targetSeed });
      await fc.assert(fc.asyncProperty(arb, send), { numRuns: runs - 1, seed: targetSeed });
    };
    // Anonymous and wrong role first, then the same requests as an authorised account.
    await each(async (recipe) => {
      s.kinds.set(recipe.kind, (s.kinds.get(recipe.kind) ?? 0) + 1);
      await exchange("anoniem", recipe);
      await exchange("inwoner", recipe);
    });
    await each((recipe) => exchange("beheerder", recipe));
    if (target.kind === "api") {
      // The same requests with a revoked and an expired token, then with a valid one. The API
      // targets come before the forms, which include revoking tokens on /beheer/tokens.
      await each(async (recipe) => {
        for (const caller of DEAD_TOKENS) await exchange(caller, recipe);
      });
      await each((recipe) => exchange("token", recipe));
    }
    stats.push(s);
    options.onTarget?.(s, index, targets.length);
  }

  return {
    seed,
    runsPerTarget: runs,
    database: t.database.kind,
    operations: api.length,
    targets: stats,
    requests,
    byClass,
    findings,
    crawledPages: explorer.pages,
    injectErrors,
    catalogMissing,
    oracle,
    ms: Date.now() - started,
  };
}
