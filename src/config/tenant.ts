import { existsSync, readFileSync } from "node:fs";
import { ConfigError } from "./env.js";
import { fromRoot } from "./paths.js";

const STATEMENTS = ["accessibility", "privacy"] as const;

/** Who runs this installation: the municipality, its default data set and its look. */
export interface TenantConfig {
  municipality: { code: string; name: string };
  /** Folder (relative to the project root) with the default data set loaded into an empty database. */
  dataSet: string;
  theme: { package: string; stylesheet: string; className: string };
  contact: { name: string; url: string; email: string };
  /** Counts below this are not shown for wijken and buurten in public views (privacy). */
  privacyThreshold: number;
  /**
   * The municipality's own accessibility and privacy statements (JSON files relative to the project
   * root); each is the municipality's text, so it lives in its data, not in code. Without one, its
   * page says that the statement is missing and whom to ask.
   */
  statements: { accessibility?: string; privacy?: string };
}

const CBS_MUNICIPALITY_CODE = /^GM\d{4}$/;

function requireString(value: unknown, field: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new ConfigError("TENANT_CONFIG", `mist het veld "${field}" (tekst).`);
  }
  return value;
}

function parseThreshold(raw: unknown): number {
  if (raw === undefined) return 10;
  if (typeof raw !== "number" || !Number.isInteger(raw) || raw < 0) {
    throw new ConfigError(
      "TENANT_CONFIG",
      "privacyThreshold moet een geheel getal van 0 of meer zijn.",
    );
  }
  return raw;
}

function parseStatements(raw: unknown): TenantConfig["statements"] {
  if (raw === undefined) return {};
  const r = (raw ?? {}) as Record<string, unknown>;
  const statements: TenantConfig["statements"] = {};
  for (const key of STATEMENTS) {
    if (r[key] === undefined) continue;
    const file = requireString(r[key], `statements.${key}`);
    // Checked at start-up so a typo shows in the log, not as a missing page for residents.
    if (!existsSync(fromRoot(file)))
      throw new ConfigError(
        "TENANT_CONFIG",
        `statements.${key} verwijst naar een ontbrekend bestand: ${file}`,
      );
    statements[key] = file;
  }
  return statements;
}

export function parseTenant(raw: unknown): TenantConfig {
  const r = (raw ?? {}) as Record<string, Record<string, unknown> | string | undefined>;
  const m = (r.municipality ?? {}) as Record<string, unknown>;
  const t = (r.theme ?? {}) as Record<string, unknown>;
  const c = (r.contact ?? {}) as Record<string, unknown>;
  const code = requireString(m.code, "municipality.code");
  if (!CBS_MUNICIPALITY_CODE.test(code)) {
    throw new ConfigError(
      "TENANT_CONFIG",
      `municipality.code moet een CBS-gemeentecode zijn zoals GM0356 (nu "${code}").`,
    );
  }
  return {
    municipality: { code, name: requireString(m.name, "municipality.name") },
    dataSet: requireString(r.dataSet, "dataSet"),
    theme: {
      package: requireString(t.package, "theme.package"),
      stylesheet: requireString(t.stylesheet, "theme.stylesheet"),
      className: requireString(t.className, "theme.className"),
    },
    privacyThreshold: parseThreshold(r.privacyThreshold),
    statements: parseStatements(r.statements),
    contact: {
      name: requireString(c.name, "contact.name"),
      url: requireString(c.url, "contact.url"),
      email: requireString(c.email, "contact.email"),
    },
  };
}

export function loadTenant(file: string = fromRoot("config/tenant.json")): TenantConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new ConfigError(
      "TENANT_CONFIG",
      `verwijst naar een bestand dat niet te lezen is: ${file}`,
    );
  }
  try {
    return parseTenant(JSON.parse(text));
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError("TENANT_CONFIG", `bevat geen geldige JSON: ${file}`);
  }
}
