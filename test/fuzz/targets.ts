import type { FastifyInstance } from "fastify";
import { routeCatalog } from "../../src/platform/route-catalog.js";
import type { ValuePool } from "./pool.js";
import type { JsonSchema } from "./schema-arbitrary.js";

export interface ParamSpec {
  name: string;
  schema: JsonSchema;
  required: boolean;
}

/** A form field as the pages render it: its name and the values a browser could send. */
export interface FormField {
  name: string;
  values: string[];
}

/** One operation to fuzz: an OpenAPI operation, an HTML form (POST) or a page (GET). */
export interface Target {
  kind: "api" | "form" | "page";
  method: string;
  /** Fastify route pattern, e.g. /api/v1/indicatoren/:id */
  pattern: string;
  pathParams: ParamSpec[];
  query: ParamSpec[];
  /** JSON body schema (API), or the CSV import's string body. */
  /** csv: a CSV import (text); file: the raw bytes of a file (an attachment) of these media types. */
  body?: { schema: JsonSchema; csv: boolean; file?: string[] };
  /** Forms: the submissions the pages offer (fields in page order, without _csrf). */
  forms: [string, string][][];
  /** Forms: every field name with every value seen for it. */
  fields: FormField[];
  /** Anonymous callers and accounts without the right role must be refused (4xx). */
  refusesAnonymous: boolean;
  refusesWrongRole: boolean;
  /** Who may use it: most routes a beheerder, a partner's own work only a partner of that organisation. */
  authorisedAs: "beheerder" | "partner";
}

/**
 * Routes only a partner may use (its portal, its own reports and profile proposals): the campaign's
 * authorised caller there is a partner account of an organisation with a granted subsidy.
 */
const PARTNER_OPERATIONS = new Set([
  "POST /api/v1/verantwoordingen",
  "PATCH /api/v1/verantwoordingen/:id",
  "POST /api/v1/verantwoordingen/:id/indienen",
  "POST /api/v1/verantwoordingen/:id/bijlagen",
  "DELETE /api/v1/verantwoordingen/:id/bijlagen/:bijlage",
  "POST /api/v1/organisaties/:id/profielwijzigingen",
]);
const authorisedAs = (method: string, pattern: string): Target["authorisedAs"] =>
  pattern.startsWith("/partner") || PARTNER_OPERATIONS.has(`${method} ${pattern}`)
    ? "partner"
    : "beheerder";

export const targetName = (t: Target) => `${t.method} ${t.pattern}`;

/**
 * The pool key of the values one page's links and filter form offer for a query parameter: "soort"
 * on the audit page is not "soort" in the organisation directory.
 */
export const pageQueryKey = (pattern: string, name: string) => `${pattern}?${name}`;

interface OpenApiParameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}
export interface OpenApiDocument {
  servers?: { url: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
}

const HTTP_METHODS = new Set(["get", "post", "put", "patch", "delete"]);

/** API operations on what is the caller's own (its messages): any role may, so none is "wrong". */
const ANY_ACCOUNT_OPERATIONS = new Set([
  "GET /api/v1/meldingen",
  "POST /api/v1/meldingen/:id/gelezen",
]);

/** Every operation of the served OpenAPI document, with its parameters and body schema. */
export function apiTargets(doc: OpenApiDocument): Target[] {
  const base = doc.servers?.[0]?.url ?? "";
  const targets: Target[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      if (!HTTP_METHODS.has(method)) continue;
      const params = (where: string) =>
        (op.parameters ?? [])
          .filter((p) => p.in === where)
          .map((p) => ({ name: p.name, schema: p.schema ?? {}, required: p.required === true }));
      const content = op.requestBody?.content ?? {};
      const bodySchema = Object.values(content)[0]?.schema;
      const secured = (op.security?.length ?? 0) > 0;
      targets.push({
        kind: "api",
        method: method.toUpperCase(),
        pattern: `${base}${path}`.replace(/\{([^}]+)\}/g, ":$1"),
        pathParams: params("path"),
        query: params("query"),
        ...(bodySchema
          ? {
              body: {
                schema: bodySchema,
                csv: bodySchema.type === "string" && bodySchema.format !== "binary",
                ...(bodySchema.format === "binary" ? { file: Object.keys(content) } : {}),
              },
            }
          : {}),
        forms: [],
        fields: [],
        refusesAnonymous: secured,
        refusesWrongRole:
          secured &&
          !ANY_ACCOUNT_OPERATIONS.has(
            `${method.toUpperCase()} ${base}${path}`.replace(/\{([^}]+)\}/g, ":$1"),
          ),
        authorisedAs: authorisedAs(
          method.toUpperCase(),
          `${base}${path}`.replace(/\{([^}]+)\}/g, ":$1"),
        ),
      });
    }
  }
  return targets;
}

/** Writes anyone may send without an account, when the route config does not say so itself. */
const PUBLIC_FORMS = new Set(["POST /inloggen", "POST /uitloggen"]);
/** Writes any logged-in account may send, whatever its role (its own password, its own sessions). */
const ANY_ACCOUNT_FORMS = new Set([
  "POST /account/wachtwoord",
  "POST /account/overal-uitloggen",
  "POST /meldingen/gelezen",
  "POST /meldingen/:id/gelezen",
]);

const paramNames = (pattern: string) =>
  [...pattern.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);

/**
 * The HTML form routes (POST, not under /api) and pages (GET, not under /api or /assets) of the
 * running app, from the route catalogue: routes added later are included without touching this.
 */
export function webTargets(app: FastifyInstance): Target[] {
  const seen = new Set<string>();
  const targets: Target[] = [];
  for (const route of routeCatalog(app)) {
    const { method, url } = route;
    if (url.startsWith("/api/") || url.startsWith("/assets/") || url.includes("*")) continue;
    if (method !== "POST" && method !== "GET") continue;
    const key = `${method} ${url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const isPublic = method === "GET" || PUBLIC_FORMS.has(key) || "publicWrite" in route.config;
    targets.push({
      kind: method === "POST" ? "form" : "page",
      method,
      pattern: url,
      pathParams: paramNames(url).map((name) => ({
        name,
        schema: { type: "string" },
        required: true,
      })),
      query: [],
      forms: [],
      fields: [],
      refusesAnonymous: !isPublic,
      refusesWrongRole: !isPublic && !ANY_ACCOUNT_FORMS.has(key),
      authorisedAs: authorisedAs(method, url),
    });
  }
  return targets;
}

const patternRegex = (pattern: string) =>
  new RegExp(
    `^${pattern
      .split("/")
      .map((s) =>
        s.startsWith(":") ? `(?<${s.slice(1)}>[^/?#]+)` : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
      )
      .join("/")}$`,
  );

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
export const decodeHtml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === "#") {
      const code =
        e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`, "i").exec(tag);
  if (m) return decodeHtml(m[1] as string);
  // Written without a value (Preact renders value="" as a bare attribute): the empty string.
  return new RegExp(`\\s${name}(?=[\\s/>]|$)`, "i").test(tag) ? "" : undefined;
};

interface ParsedForm {
  method: string;
  action: string;
  /** What a browser submits unchanged (without _csrf). */
  submission: [string, string][];
  /** Every value each field could take (options, radio values, button values). */
  choices: Map<string, Set<string>>;
}

/** The forms of a page, as a browser would see them. */
export function parseForms(html: string, pageUrl: string): ParsedForm[] {
  const forms: ParsedForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const open = m[1] as string;
    const inner = m[2] as string;
    const method = (attr(open, "method") ?? "get").toUpperCase();
    const action = attr(open, "action") ?? pageUrl;
    const submission: [string, string][] = [];
    const choices = new Map<string, Set<string>>();
    const choice = (name: string, value: string) => {
      const set = choices.get(name) ?? new Set<string>();
      set.add(value);
      choices.set(name, set);
    };
    const controls =
      /<(input|button)\b([^>]*)>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>|<select\b([^>]*)>([\s\S]*?)<\/select>/gi;
    for (const c of inner.matchAll(controls)) {
      if (c[1]) {
        const tag = c[2] as string;
        const name = attr(tag, "name");
        if (!name || name === "_csrf") continue;
        const type = (
          attr(tag, "type") ?? (c[1].toLowerCase() === "button" ? "submit" : "text")
        ).toLowerCase();
        const value = attr(tag, "value") ?? (type === "checkbox" || type === "radio" ? "on" : "");
        choice(name, value);
        if ((type === "checkbox" || type === "radio") && !/\schecked\b/i.test(tag)) continue;
        if (type === "submit") continue;
        submission.push([name, value]);
      } else if (c[3] !== undefined) {
        const name = attr(c[3], "name");
        if (!name) continue;
        const value = decodeHtml((c[4] as string).replace(/^\n/, ""));
        choice(name, value);
        submission.push([name, value]);
      } else if (c[5] !== undefined) {
        const name = attr(c[5], "name");
        if (!name) continue;
        const options = [...(c[6] as string).matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/gi)];
        let selected: string | undefined;
        for (const o of options) {
          const value = attr(o[1] as string, "value") ?? decodeHtml((o[2] as string).trim());
          choice(name, value);
          if (selected === undefined || /\sselected\b/i.test(o[1] as string)) selected = value;
        }
        if (selected !== undefined) submission.push([name, selected]);
      }
    }
    forms.push({ method, action, submission, choices });
  }
  return forms;
}

/** A small stable string hash (FNV-1a). */
const hash = (s: string) => {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
};

const SKIP = /\.(svg|csv|json|css|js|woff2?|png|ico)(\?|$)/;

/**
 * Browses the pages as a browser would, from `/`: at most `perPattern` pages per route pattern,
 * `maxPages` in all. Every link and form action goes into the pool (real ids, slugs and whole
 * parameter sets per route), every form into its target (fields, values, what a browser submits),
 * every query-string name into the page targets.
 */
export async function crawl(
  app: FastifyInstance,
  cookie: string,
  targets: Target[],
  pool: ValuePool,
  options: { maxPages?: number; perPattern?: number; start?: string[] } = {},
): Promise<{
  pages: number;
  /** Takes in a URL seen later (a redirect): its values and its parameter set per route. */
  noteUrl: (url: string, method: string) => void;
  /** Takes in the links and form actions of a page seen later. */
  noteLinks: (html: string) => void;
}> {
  const maxPages = options.maxPages ?? 120;
  const perPattern = options.perPattern ?? 3;
  const matchers = targets.map((t) => ({ target: t, regex: patternRegex(t.pattern) }));
  const pages = matchers.filter((m) => m.target.method === "GET");
  const queue = [...(options.start ?? ["/"])];
  const visited = new Set<string>();
  const perTarget = new Map<Target, number>();
  const queryNames = new Map<Target, Set<string>>();
  let count = 0;

  const noteUrl = (url: string, method: string) => {
    const [path, query] = url.split("?", 2) as [string, string | undefined];
    pool.absorbPath(path);
    for (const { target, regex } of matchers) {
      if (target.method !== method) continue;
      const m = regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (const [k, v] of Object.entries(m.groups ?? {})) {
        try {
          params[k] = decodeURIComponent(v);
        } catch {
          ok = false;
        }
      }
      if (ok) pool.addTuple(target.pattern, params);
      if (query) {
        const names = queryNames.get(target) ?? new Set<string>();
        for (const [k, v] of new URLSearchParams(query)) {
          names.add(k);
          pool.add(k, v);
          pool.add(pageQueryKey(target.pattern, k), v, true);
        }
        queryNames.set(target, names);
      }
      return target;
    }
    return undefined;
  };

  const noteLinks = (html: string) => {
    for (const m of html.matchAll(/\shref="([^"]+)"/g)) {
      const href = decodeHtml(m[1] as string).split("#", 1)[0] as string;
      if (href.startsWith("/") && !href.startsWith("//")) noteUrl(href, "GET");
    }
    for (const m of html.matchAll(/<form\b([^>]*)>/gi)) {
      const action = attr(m[1] as string, "action");
      const method = (attr(m[1] as string, "method") ?? "get").toUpperCase();
      if (action?.startsWith("/")) noteUrl(action.split("#", 1)[0] as string, method);
    }
  };

  while (queue.length > 0 && count < maxPages) {
    const url = queue.shift() as string;
    if (visited.has(url)) continue;
    visited.add(url);
    const target = pages.find((p) => p.regex.test(url.split("?", 1)[0] as string))?.target;
    if (!target) continue;
    const n = perTarget.get(target) ?? 0;
    if (n >= perPattern) continue;
    perTarget.set(target, n + 1);
    count += 1;
    const response = await app.inject({ method: "GET", url, headers: { cookie } });
    if (response.statusCode !== 200 || !response.headers["content-type"]?.includes("text/html")) {
      continue;
    }
    const html = response.body;
    const links: string[] = [];
    for (const m of html.matchAll(/\shref="([^"]+)"/g)) {
      const href = decodeHtml(m[1] as string).split("#", 1)[0] as string;
      if (!href.startsWith("/") || href.startsWith("//") || SKIP.test(href)) continue;
      noteUrl(href, "GET");
      if (!visited.has(href)) links.push(href);
    }
    // In a stable but mixed order, so the few pages visited per pattern are not all the first
    // links of a list (the municipality and its areas, never a wijk).
    queue.push(...links.sort((a, b) => hash(a) - hash(b)));
    for (const form of parseForms(html, url)) {
      const action = form.action.split("#", 1)[0] as string;
      const formTarget = noteUrl(action, form.method);
      if (form.method === "GET") {
        const names = formTarget ? (queryNames.get(formTarget) ?? new Set<string>()) : undefined;
        for (const [name, values] of form.choices) {
          names?.add(name);
          for (const v of values) {
            pool.add(name, v);
            if (formTarget) pool.add(pageQueryKey(formTarget.pattern, name), v, true);
          }
        }
        if (formTarget && names) queryNames.set(formTarget, names);
        continue;
      }
      if (!formTarget) continue;
      formTarget.forms.push(form.submission);
      for (const [name, values] of form.choices) {
        let field = formTarget.fields.find((f) => f.name === name);
        if (!field) {
          field = { name, values: [] };
          formTarget.fields.push(field);
        }
        for (const v of values) if (!field.values.includes(v)) field.values.push(v);
      }
    }
  }
  for (const [target, names] of queryNames) {
    if (target.kind !== "page") continue;
    for (const name of names) {
      if (!target.query.some((q) => q.name === name)) {
        target.query.push({ name, schema: { type: "string" }, required: false });
      }
    }
  }
  return { pages: count, noteUrl: (url, method) => void noteUrl(url, method), noteLinks };
}
