import { beforeAll, describe, expect, it } from "vitest";
import { type CampaignReport, DEAD_TOKENS, type Problem, runCampaign } from "./campaign.js";
import { formatReport, summariseFindings } from "./report.js";

/**
 * Generated requests to every operation of the served OpenAPI document, every HTML form route and
 * every page (both from the route catalogue, so routes added later are covered without touching
 * this file), each as an anonymous caller, a wrong role (inwoner) and an authorised account
 * (beheerder; on a partner's own routes a partner of an organisation with a subsidy and reports,
 * see targets.ts `authorisedAs`), with valid, boundary, mutated and hostile parameters, queries and
 * bodies. The API
 * operations also get the same requests with a beheerder's API token (no cookie): a valid one, a
 * revoked one and an expired one.
 *
 * The default run (10 per route and caller, since the partner routes came: 165 routes) takes about
 * two minutes on PGlite, so CI stays within its time; FUZZ_RUNS raises the runs per route and caller,
 * FUZZ_SEED replays a run, FUZZ_SHOW=<route pattern> prints every request of the authorised caller
 * to that route with its answer (why a route is never reached). `npm run bench -- fuzz` sends 10,000 or more and prints every finding.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

let report: CampaignReport;
beforeAll(async () => {
  report = await runCampaign({ runs: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) });
  console.log(formatReport(report));
}, 60 * 60_000);

const found = (problem: Problem) => report.findings.filter((f) => f.problem === problem);
const byDeadToken = (problem: Problem) =>
  found(problem).filter((f) => DEAD_TOKENS.includes(f.caller));
const total = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const seedNote = () => `(FUZZ_SEED=${report.seed} FUZZ_RUNS=${report.runsPerTarget} herhaalt dit)`;

describe("generated requests to every operation, form and page", () => {
  it("reaches every OpenAPI operation and every form route, as all three callers", () => {
    expect(report.operations).toBeGreaterThanOrEqual(30);
    // The catalogue sees every route the OpenAPI document describes: nothing is registered before it.
    expect(report.catalogMissing).toEqual([]);
    const forms = report.targets.filter((s) => s.target.kind === "form");
    expect(forms.length).toBeGreaterThanOrEqual(20);
    // Most forms were found on the pages, so their real fields and values were sent.
    expect(forms.filter((s) => s.target.forms.length > 0).length).toBeGreaterThan(
      forms.length * 0.8,
    );
    expect(report.injectErrors).toEqual([]);
    for (const s of report.targets) {
      expect(total(s.statuses.anoniem), s.target.pattern).toBe(report.runsPerTarget);
      expect(total(s.statuses.inwoner), s.target.pattern).toBe(report.runsPerTarget);
      expect(total(s.statuses.beheerder), s.target.pattern).toBe(report.runsPerTarget);
    }
    const kinds = new Set(report.targets.flatMap((s) => [...s.kinds.keys()]));
    expect([...kinds].sort()).toEqual(["boundary", "hostile", "mutated", "valid"]);
  });

  it("has an oracle that sees a write, and sees none after a refusal", () => {
    expect(report.oracle).toEqual({ writeSeen: true, refusalUnchanged: true });
  });

  it("gets the authorised account past the door (session and CSRF token work) on every route", () => {
    const stuck = report.targets
      .filter((s) => s.target.refusesAnonymous)
      .filter((s) =>
        [...s.statuses.beheerder.keys()].every((status) => status === 401 || status === 403),
      )
      .map((s) => `${s.target.method} ${s.target.pattern}`);
    expect(stuck).toEqual([]);
  });

  it("gets real data from the read operations (real ids and codes are used)", () => {
    const reads = report.targets.filter((s) => s.target.method === "GET");
    const neverOk = reads.filter(
      (s) => ![...s.statuses.beheerder.keys()].some((status) => status < 300),
    );
    // Every read without parameters, and nearly every one with (some need data the run creates
    // first, such as a copied document's changes).
    expect(
      neverOk.filter((s) => s.target.pathParams.length === 0).map((s) => s.target.pattern),
    ).toEqual([]);
    expect(neverOk.length, neverOk.map((s) => s.target.pattern).join(", ")).toBeLessThanOrEqual(
      Math.floor(reads.length * 0.1),
    );
  });

  it("gets valid writes through on most write routes (the generator makes real requests)", () => {
    const writes = report.targets.filter(
      (s) => s.target.method !== "GET" && s.target.refusesAnonymous,
    );
    const succeeded = writes.filter((s) =>
      [...s.statuses.beheerder.keys()].some((status) => status < 400),
    );
    expect(
      succeeded.length,
      succeeded.map((s) => s.target.pattern).join(", "),
    ).toBeGreaterThanOrEqual(writes.length * 0.5);
  });

  it("answers no request with a 5xx", () => {
    const list = found("5xx");
    expect(list.length, `${summariseFindings(list)}\n${seedNote()}`).toBe(0);
  });

  it("changes nothing when it refuses an anonymous caller or a wrong role", () => {
    const list = found("changed-on-refusal");
    expect(list.length, `${summariseFindings(list)}\n${seedNote()}`).toBe(0);
  });

  it("never lets an anonymous caller or a wrong role through a guarded route", () => {
    const list = found("not-refused");
    expect(list.length, `${summariseFindings(list)}\n${seedNote()}`).toBe(0);
  });

  it("refuses a revoked and an expired API token with 401 on every secured operation, changing nothing", () => {
    const api = report.targets.filter((s) => s.target.kind === "api");
    const secured = api.filter((s) => s.target.refusesAnonymous);
    expect(secured.length).toBeGreaterThanOrEqual(15);
    for (const s of api) {
      for (const caller of ["token", ...DEAD_TOKENS] as const) {
        expect(total(s.statuses[caller]), `${caller} ${s.target.pattern}`).toBe(
          report.runsPerTarget,
        );
      }
    }
    // Nearly every answer is the 401 itself; the others are refusals before any credentials are
    // read (a malformed address), which the campaign checks against the same request without one.
    const statuses = secured.flatMap((s) => DEAD_TOKENS.flatMap((c) => [...s.statuses[c]]));
    const count = (match: (status: number) => boolean) =>
      statuses.filter(([status]) => match(status)).reduce((n, [, k]) => n + k, 0);
    expect(count((status) => status === 401)).toBeGreaterThan(count(() => true) * 0.8);
    const refused = [...byDeadToken("not-refused"), ...byDeadToken("changed-on-refusal")];
    expect(refused.length, `${summariseFindings(refused)}\n${seedNote()}`).toBe(0);
  });

  it("lets a valid API token through like the authorised session, on every operation", () => {
    const api = report.targets.filter((s) => s.target.kind === "api");
    const secured = api.filter((s) => s.target.refusesAnonymous);
    // A 403 the session got for the same requests too is the route's answer, not the token's: a
    // partner proposing a change to another organisation's profile.
    const stuck = api
      .filter((s) =>
        [...s.statuses.token.keys()].some(
          (status) => status === 401 || (status === 403 && !s.statuses.beheerder.has(403)),
        ),
      )
      .map(
        (s) => `${s.target.method} ${s.target.pattern} ${[...s.statuses.token.keys()].join(",")}`,
      );
    expect(stuck).toEqual([]);
    // Its writes get through where the session's do. Where they do not, the session's own writes
    // (the same requests, just before) are the reason: the record now exists (409) or was renamed (404).
    const count = (m: Map<number, number>, match: (status: number) => boolean) =>
      [...m].filter(([status]) => match(status)).reduce((n, [, k]) => n + k, 0);
    const conflicts = (status: number) => status === 404 || status === 409;
    const unexplained = secured
      .filter((s) => s.target.method !== "GET")
      .filter((s) => count(s.statuses.beheerder, (status) => status < 400) > 0)
      .filter((s) => count(s.statuses.token, (status) => status < 400) === 0)
      .filter((s) => count(s.statuses.token, conflicts) <= count(s.statuses.beheerder, conflicts))
      .map((s) => `${s.target.method} ${s.target.pattern}`);
    expect(unexplained).toEqual([]);
  });

  it("changes nothing on a read", () => {
    const list = found("read-changed");
    expect(list.length, `${summariseFindings(list)}\n${seedNote()}`).toBe(0);
  });
});
