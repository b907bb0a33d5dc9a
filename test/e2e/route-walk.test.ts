import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromRoot } from "../../src/config/paths.js";
import { listAccounts } from "../../src/modules/accounts/index.js";
import { listAreaSummaries } from "../../src/modules/areas/index.js";
import { listDocuments } from "../../src/modules/policy/index.js";
import { routeCatalog } from "../../src/platform/route-catalog.js";
import { jsonRequest, startTestApp, type TestApp } from "../helpers/app.js";
import { partnerCaller } from "../helpers/partner-caller.js";
import {
  axeViolations,
  browserContext,
  hasChromium,
  launchBrowser,
  listen,
  WIDTHS,
} from "./browser.js";
import { internalNamePatterns, internalNamesIn, layoutOf, visibleText } from "./page-checks.js";

/*
 * Walks every HTML page the app has: one page per route pattern from the route catalogue, so a
 * page added later is walked without touching this file. Each is checked at a phone's and a
 * desktop's width: axe (WCAG 2.2 AA), no sideways scrolling of the page, no table cell narrower
 * than its longest word, and on public pages no internal file name or database id in the text.
 */

/** Not pages: the API, static files and downloads (a last path segment with an extension). */
const isPage = (url: string) =>
  !url.startsWith("/api/") && !url.startsWith("/assets/") && !/\.[a-z0-9]+$/i.test(url);

interface Resolving {
  /** The route pattern, e.g. /beleid/:document/jaarverslag. */
  pattern: string;
  /** The parameters resolved so far (left to right). */
  values: Record<string, string>;
}
type Resolver = (r: Resolving) => Promise<string>;

let t: TestApp;
let admin: string;
/** A partner of an organisation with a granted subsidy and two reports: its portal's pages. */
let partner: string;

const api = async (url: string, method: "GET" | "POST" = "GET") => {
  const res = await jsonRequest(t.app, method, url, method === "POST" ? {} : undefined, admin);
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};
const documents = async () => listDocuments(t.database.db, t.tenant.municipality.code);
const newest = async (kind: string) => {
  const found = (await documents())
    .filter((d) => d.kind === kind)
    .sort((a, b) => b.firstYear - a.firstYear)[0];
  if (!found) throw new Error(`the data set has no document of kind ${kind}`);
  return found;
};
const first = <T>(list: readonly T[] | undefined, what: string): T => {
  const item = list?.[0];
  if (item === undefined) throw new Error(`the test app has no ${what}`);
  return item;
};

/**
 * A value for each path parameter, read from the test app, keyed by the segment before it and the
 * parameter ("gebieden/:code"). A route with a parameter not in this table fails the walk.
 */
const RESOLVERS: Record<string, Resolver> = {
  "gebieden/:code": async () =>
    first(
      (await listAreaSummaries(t.database.db, t.tenant.municipality.code)).filter(
        (a) => a.level === "wijk",
      ),
      "wijk",
    ).code,
  "gebruikers/:id": async () =>
    first(await listAccounts(t.database.db, t.tenant.municipality.code), "account").id,
  "beleid/:document": async ({ pattern }) => {
    // The annual report exists for accounts; "what changed" for a document copied from last year.
    if (pattern.endsWith("/jaarverslag")) return (await newest("jaarstukken")).slug;
    if (pattern.endsWith("/wijzigingen")) {
      const copied = (await documents()).find((d) => d.copiedFromId);
      if (copied) return copied.slug;
      const from = await newest("begroting");
      return (await api(`/api/v1/beleidsdocumenten/${from.slug}/kopie-volgend-jaar`, "POST")).code;
    }
    return (await newest("begroting")).slug;
  },
  "onderdelen/:section": async ({ values }) =>
    first(
      (await api(`/api/v1/beleidsdocumenten/${values.document}`)).onderdelen as { code: string }[],
      "section",
    ).code,
  // The data set has no published version: publishing is what makes one.
  "versies/:versie": async ({ values }) =>
    String((await api(`/api/v1/beleidsdocumenten/${values.document}/publicaties`, "POST")).versie),
  "activiteiten/:id": async () =>
    first((await api("/api/v1/activiteiten")).activiteiten as { id: string }[], "activity").id,
  "doelen/:id": async () =>
    first((await api("/api/v1/doelen")).doelen as { id: string }[], "goal").id,
  "samenwerkingsverbanden/:slug": async () =>
    first(
      (await api("/api/v1/samenwerkingsverbanden")).samenwerkingsverbanden as { code: string }[],
      "partnership",
    ).code,
  "monitor/:indicator": async () =>
    first((await api("/api/v1/indicatoren")).indicatoren as { code: string }[], "indicator").code,
  "evaluatie/:document": async () => (await newest("beleidskader")).slug,
  "organisaties/:slug": async () =>
    first(
      (
        (await api("/api/v1/organisaties?paginaGrootte=500")).organisaties as {
          code: string;
          werkgebieden: unknown[];
        }[]
      ).filter((o) => o.werkgebieden.length > 0),
      "organisation in a work area",
    ).code,
  // /subsidies/:id and /beheer/subsidies/:id: the partner's granted subsidy.
  "subsidies/:id": async () =>
    first((await api("/api/v1/subsidies")).subsidies as { id: string }[], "subsidy").id,
  // A concept for the partner's edit page, the submitted report for the review and report pages.
  "verantwoordingen/:id": async ({ pattern }) => {
    const reports = (await api("/api/v1/verantwoordingen")).verantwoordingen as {
      id: string;
      status: string;
    }[];
    const state = pattern.endsWith("/bewerken") ? "concept" : "ingediend";
    return first(
      reports.filter((r) => r.status === state),
      `report in state ${state}`,
    ).id;
  },
  ":document/:year": async ({ values }) => {
    const d = (await documents()).find((x) => x.slug === values.document);
    if (!d) throw new Error(`no document ${values.document}`);
    return String(Math.min(Math.max(new Date().getUTCFullYear(), d.firstYear), d.lastYear));
  },
};

/** The first organisation whose page lists functions with their time split. */
async function organisationWithFunctions(): Promise<string> {
  const list = (await api("/api/v1/organisaties?paginaGrootte=500")).organisaties as {
    code: string;
  }[];
  for (const o of list)
    if (((await api(`/api/v1/organisaties/${o.code}`)).functies as unknown[]).length > 0)
      return o.code;
  throw new Error("no organisation fills a function");
}

/**
 * The few routes whose page differs by what it shows, walked once more: an area page per level (a
 * gemeente, a gebied and a wijk each have their own tables) and the search page with results.
 */
async function variants(): Promise<{ pattern: string; path: string }[]> {
  const areas = await listAreaSummaries(t.database.db, t.tenant.municipality.code);
  const levels = [...new Set(areas.map((a) => a.level))].filter((l) => l !== "wijk");
  const word = (await newest("beleidskader")).title.split(/\W+/).find((w) => w.length >= 6);
  return [
    ...levels.map((level) => ({
      pattern: "/gebieden/:code",
      path: `/gebieden/${
        first(
          areas.filter((a) => a.level === level),
          level,
        ).code
      }`,
    })),
    { pattern: "/zoeken", path: `/zoeken?q=${encodeURIComponent(word?.toLowerCase() ?? "")}` },
    // An organisation with functions (their time-split tables) and partnerships, and a filtered directory.
    { pattern: "/organisaties/:slug", path: `/organisaties/${await organisationWithFunctions()}` },
    { pattern: "/organisaties", path: "/organisaties?plaats=modulair&zoek=stichting" },
  ];
}

/** The pattern with its parameters filled in, or why it could not be. */
async function resolve(pattern: string): Promise<string> {
  const segments = pattern.split("/");
  const values: Record<string, string> = {};
  const filled: string[] = [];
  for (const [i, segment] of segments.entries()) {
    if (!segment.startsWith(":")) {
      filled.push(segment);
      continue;
    }
    const name = segment.slice(1);
    const key = `${segments[i - 1]}/${segment}`;
    const resolver = RESOLVERS[key];
    if (!resolver)
      throw new Error(
        `Route ${pattern}: no value for ${segment}. Add a resolver "${key}" to RESOLVERS in test/e2e/route-walk.test.ts that reads a real ${name} from the test app, so this page is walked.`,
      );
    values[name] = await resolver({ pattern, values });
    filled.push(encodeURIComponent(values[name]));
  }
  return filled.join("/");
}

interface Visit {
  pattern: string;
  path: string;
  /**
   * Public pages are walked as a visitor; staff pages, and the staff's forms on public pages, as a
   * beheerder; the partner portal as a partner.
   */
  as: "bezoeker" | "beheerder" | "partner";
  /** The status the page is answered with: 200, or the error page's own. */
  status?: number;
}

const forms = (html: string) =>
  [...html.matchAll(/<form\b[^>]*>/g)].filter((m) => !m[0].includes('action="/uitloggen"')).length;

/** How a page is walked, from what the app answers a visitor and a beheerder. */
async function plan(pattern: string, path: string): Promise<Visit[]> {
  if (pattern === "/partner" || pattern.startsWith("/partner/"))
    return [{ pattern, path, as: "partner" }];
  const visitor = await t.app.inject({ url: path });
  const login = /^\/inloggen/.test(String(visitor.headers.location ?? ""));
  if ([401, 403].includes(visitor.statusCode) || (visitor.statusCode < 400 && login))
    return [{ pattern, path, as: "beheerder" }];
  if (visitor.statusCode !== 200)
    throw new Error(`${path} (${pattern}) answers a visitor ${visitor.statusCode}`);
  if (!String(visitor.headers["content-type"]).startsWith("text/html"))
    throw new Error(
      `${path} (${pattern}) is no HTML page (${visitor.headers["content-type"]}); if it is a download, give its route a file extension`,
    );
  const staff = await t.app.inject({ url: path, headers: { cookie: admin } });
  const visits: Visit[] = [{ pattern, path, as: "bezoeker" }];
  if (staff.statusCode === 200 && forms(staff.body) > forms(visitor.body))
    visits.push({ pattern, path, as: "beheerder" });
  return visits;
}

/*
 * The plan is made before the tests are collected (top-level await), so each page is its own test.
 * A route that cannot be resolved becomes a test that fails with the reason.
 */
const visits: (Visit | { pattern: string; error: string })[] = [];
if (hasChromium) {
  t = await startTestApp();
  admin = await t.sessionFor("beheerder");
  partner = (await partnerCaller(t)).cookie;
  const patterns = [
    ...new Set(
      routeCatalog(t.app)
        .filter((r) => r.method === "GET" && isPage(r.url))
        .map((r) => r.url),
    ),
  ];
  for (const pattern of patterns) {
    try {
      visits.push(...(await plan(pattern, await resolve(pattern))));
    } catch (error) {
      visits.push({ pattern, error: (error as Error).message });
    }
  }
  // The error page, as a visitor who mistyped an address sees it.
  visits.push({
    pattern: "(geen route)",
    path: "/deze-pagina-bestaat-niet",
    as: "bezoeker",
    status: 404,
  });
  for (const { pattern, path } of await variants()) {
    try {
      if (!patterns.includes(pattern)) throw new Error(`${pattern} is no longer a route`);
      visits.push(...(await plan(pattern, path)));
    } catch (error) {
      visits.push({ pattern, error: (error as Error).message });
    }
  }
}

let browser: Browser;
let base: string;
/** One context and tab per role, reused from page to page (the stylesheets stay cached). */
const tabs = new Map<Visit["as"], { context: BrowserContext; page: Page }>();
let namePatterns: RegExp[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  namePatterns = internalNamePatterns(fromRoot(t.tenant.dataSet));
  base = await listen(t);
  browser = await launchBrowser();
  const cookies = { bezoeker: undefined, beheerder: admin, partner };
  for (const as of ["bezoeker", "beheerder", "partner"] as const) {
    const context = await browserContext(browser, base, cookies[as]);
    tabs.set(as, { context, page: await context.newPage() });
  }
});

afterAll(async () => {
  for (const { context } of tabs.values()) await context.close();
  await browser?.close();
  await t?.close();
});

/** Everything wrong with the page at each width, one line each. */
async function findings(visit: Visit): Promise<string[]> {
  const tab = tabs.get(visit.as);
  if (!tab) throw new Error("no browser tab");
  const { page } = tab;
  const found: string[] = [];
  for (const width of WIDTHS) {
    // Load at the phone's width first, then widen the same page: what a visitor turning a tablet sees.
    await page.setViewportSize({ width, height: 900 });
    if (width === WIDTHS[0]) {
      const response = await page.goto(`${base}${visit.path}`);
      expect(response?.status(), visit.path).toBe(visit.status ?? 200);
      // What a visitor can open is open: the checks see the contents of every <details> too.
      await page.evaluate(() => {
        for (const d of Array.from(document.querySelectorAll("details"))) d.open = true;
      });
    }
    const at = `${width} px`;
    for (const v of await axeViolations(page)) found.push(`${at} axe ${v}`);
    const layout = await layoutOf(page);
    for (const o of layout.overflow) found.push(`${at} overflow: ${o}`);
    for (const c of layout.narrowCells) found.push(`${at} cell narrower than its word: ${c}`);
    for (const d of layout.duplicates) found.push(`${at} duplicated heading: ${d}`);
    if (visit.as === "bezoeker" && width === WIDTHS[0]) {
      const text = await visibleText(page);
      for (const n of internalNamesIn(text, namePatterns)) found.push(`internal name: ${n}`);
    }
  }
  return found;
}

describe.skipIf(!hasChromium)("every page at 320 px and 1280 px (route walk)", () => {
  it("walks pages from the route catalogue, public and staff", () => {
    const walked = visits.filter((v): v is Visit => "path" in v);
    expect(walked.length).toBeGreaterThan(20);
    expect(walked.some((v) => v.as === "beheerder" && v.pattern === "/monitor/import")).toBe(true);
    expect(walked.some((v) => v.as === "bezoeker" && v.pattern === "/gebieden/:code")).toBe(true);
    expect(
      walked.some((v) => v.as === "partner" && v.pattern === "/partner/verantwoordingen"),
    ).toBe(true);
  });

  it.each(
    visits.map((v) => [`${"path" in v ? v.path : v.pattern} as ${"as" in v ? v.as : "?"}`, v]),
  )("%s", async (_label, visit) => {
    if ("error" in visit) throw new Error(visit.error);
    expect(await findings(visit)).toEqual([]);
  });

  it("an unknown path parameter fails with the name of the resolver to add", async () => {
    await expect(resolve("/wijkteams/:team")).rejects.toThrow(
      /Add a resolver "wijkteams\/:team" to RESOLVERS/,
    );
  });

  it("the checks see a page that scrolls sideways, a cell narrower than its word, a heading twice and a UUID", async () => {
    const tab = tabs.get("bezoeker");
    if (!tab) throw new Error("no browser tab");
    await tab.page.setViewportSize({ width: 320, height: 900 });
    const wide = '<div style="width:600px">breed</div>';
    await tab.page.setContent(
      `<html lang="nl"><body><div class="breed" style="width:600px">breed</div>
      <div class="los" style="overflow-x:auto">${wide}</div>
      <div class="tabel" role="region" aria-label="Tabel" style="overflow-x:auto">${wide}</div>
      <table style="table-layout:fixed;width:120px"><tr><td style="overflow-wrap:anywhere">Maatschappelijkeondersteuning</td></tr></table>
      <table style="table-layout:fixed;width:120px"><tr><td style="white-space:nowrap">Wijkondersteuning</td></tr></table>
      <table style="width:90px"><tr><td>Welzijn-en-zorg-in-de-wijk</td></tr></table>
      <h2>Wijken</h2><table><caption>Wijken</caption><tr><td>1</td></tr></table>
      <table style="width:60px"><tr><td><details><summary>Meer</summary>Onzichtbaarlangwoord</details></td></tr></table>
      <p>Bron: 002_987231557ecbf5c9.txt en gebieden.csv, id 6721fe86-285a-4e06-8d71-db0e331ae74a</p></body></html>`,
    );
    const layout = await layoutOf(tab.page);
    expect(layout.overflow).toEqual([
      expect.stringMatching(/^the page is 6\d\d px wide at a 320 px viewport$/),
      expect.stringMatching(/^div\.los scrolls sideways .* no region with a name$/),
      expect.stringMatching(/^div\.breed reaches 6\d\d px/),
    ]);
    // A hyphen is a place to break: only the unbroken word is too long.
    expect(layout.narrowCells).toEqual([
      expect.stringMatching(/"Maatschappelijkeondersteuning" is broken over [2-9] lines$/),
      expect.stringMatching(/"Wijkondersteuning" needs \d{2,3} px, the cell has \d{2,3} px$/),
    ]);
    expect(layout.duplicates).toEqual([expect.stringMatching(/^table > caption repeats "Wijken"/)]);
    const text = await visibleText(tab.page);
    expect(internalNamesIn(text, namePatterns).map((n) => n.split('"')[1])).toEqual([
      "002_987231557ecbf5c9.txt",
      "gebieden.csv",
      "6721fe86-285a-4e06-8d71-db0e331ae74a",
    ]);
  });
});
