import { isAbsolute, resolve } from "node:path";
import { projectRoot } from "./paths.js";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
const LOG_LEVELS: readonly LogLevel[] = [
  "fatal",
  "error",
  "warn",
  "info",
  "debug",
  "trace",
  "silent",
];

export type LogFormat = "pretty" | "json";
const LOG_FORMATS = ["auto", "pretty", "json"] as const;

export interface EnvConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string | undefined;
  logLevel: LogLevel;
  /** `auto`: readable lines on a terminal, JSON otherwise (see platform/logger.ts). */
  logFormat: LogFormat | "auto";
  tenantFile: string;
  /** Behind a reverse proxy: trust X-Forwarded-* so cookies get Secure when the site is served over HTTPS. */
  trustProxy: boolean;
  /** PGlite: how long a transaction may wait for its turn before the request gets 503 (DB_WAIT_LIMIT_MS). */
  dbWaitLimitMs: number;
  /** A session ends after this many minutes without a request (SESSION_IDLE_MINUTES). */
  sessionIdleMinutes: number;
  /** A session ends this many hours after login, active or not (SESSION_MAX_HOURS). */
  sessionMaxHours: number;
  /** The mail server (SMTP_URL, smtp:// or smtps://); without it e-mail only goes to the log. */
  smtpUrl: string | undefined;
  /** The sender of e-mail (MAIL_FROM). */
  mailFrom: string;
  /** The site's address as users reach it (PUBLIC_URL), without a trailing slash: links in e-mail. */
  publicUrl: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Ongeldige configuratie: ${variable} ${message}`);
    this.name = "ConfigError";
  }
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 3000;
  if (!/^\d+$/.test(raw))
    throw new ConfigError("PORT", `moet een getal tussen 1 en 65535 zijn (nu "${raw}").`);
  const port = Number(raw);
  if (port < 1 || port > 65535)
    throw new ConfigError("PORT", `moet tussen 1 en 65535 liggen (nu ${port}).`);
  return port;
}

/**
 * An optional URL of a server the app talks to, with one of the allowed schemes. The messages never
 * repeat the value (it may hold a password), only its scheme.
 */
function parseServerUrl(
  variable: string,
  raw: string | undefined,
  schemes: readonly [string, string],
  expected: string,
): URL | undefined {
  if (raw === undefined || raw === "") return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(variable, `is geen geldige URL (verwacht ${expected}).`);
  }
  if (!schemes.includes(url.protocol.slice(0, -1))) {
    throw new ConfigError(
      variable,
      `moet met ${schemes[0]}:// of ${schemes[1]}:// beginnen (nu "${url.protocol}").`,
    );
  }
  return url;
}

const parseDatabaseUrl = (raw: string | undefined) =>
  parseServerUrl(
    "DATABASE_URL",
    raw,
    ["postgres", "postgresql"],
    "postgres://gebruiker@host:poort/database",
  )
    ? raw
    : undefined;

function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "ja"].includes(raw.toLowerCase())) return true;
  if (["0", "false", "nee"].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `moet true of false zijn (nu "${raw}").`);
}

function parseSessionSecret(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (raw.length < 32)
    throw new ConfigError("SESSION_SECRET", "moet minstens 32 tekens lang zijn.");
  return raw;
}

function parseLogLevel(raw: string | undefined): LogLevel {
  if (raw === undefined || raw === "") return "info";
  if (!LOG_LEVELS.includes(raw as LogLevel)) {
    throw new ConfigError("LOG_LEVEL", `moet een van ${LOG_LEVELS.join(", ")} zijn (nu "${raw}").`);
  }
  return raw as LogLevel;
}

function parseLogFormat(raw: string | undefined): LogFormat | "auto" {
  if (raw === undefined || raw === "") return "auto";
  const format = LOG_FORMATS.find((f) => f === raw);
  if (!format) {
    throw new ConfigError(
      "LOG_FORMAT",
      `moet een van ${LOG_FORMATS.join(", ")} zijn (nu "${raw}").`,
    );
  }
  return format;
}

export const DEFAULT_DB_WAIT_LIMIT_MS = 5000;
const MAX_DB_WAIT_LIMIT_MS = 600_000;

function parseWaitLimit(raw: string | undefined): number {
  if (raw === undefined || raw === "") return DEFAULT_DB_WAIT_LIMIT_MS;
  const ms = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(ms >= 1 && ms <= MAX_DB_WAIT_LIMIT_MS)) {
    throw new ConfigError(
      "DB_WAIT_LIMIT_MS",
      `moet een aantal milliseconden van 1 tot en met ${MAX_DB_WAIT_LIMIT_MS} zijn (nu "${raw}").`,
    );
  }
  return ms;
}

export const DEFAULT_SESSION_IDLE_MINUTES = 30;
export const DEFAULT_SESSION_MAX_HOURS = 12;

/** A whole number from `min` to `max`, or the default when the variable is absent. */
function parseWholeNumber(
  name: string,
  raw: string | undefined,
  fallback: number,
  range: { min: number; max: number; unit: string },
): number {
  if (raw === undefined || raw === "") return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= range.min && value <= range.max)) {
    throw new ConfigError(
      name,
      `moet een aantal ${range.unit} van ${range.min} tot en met ${range.max} zijn (nu "${raw}").`,
    );
  }
  return value;
}

/** The mail server. */
function parseSmtpUrl(raw: string | undefined): string | undefined {
  const url = parseServerUrl(
    "SMTP_URL",
    raw,
    ["smtp", "smtps"],
    "smtp://gebruiker:wachtwoord@host:poort of smtps://…",
  );
  if (url && url.hostname === "") throw new ConfigError("SMTP_URL", "noemt geen host.");
  return url ? raw : undefined;
}

export const DEFAULT_MAIL_FROM = "Samenkracht <noreply@localhost>";
// "Naam <adres@domein>" or a bare address, on one line.
const MAIL_FROM = /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

function parseMailFrom(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === "") return DEFAULT_MAIL_FROM;
  if (!MAIL_FROM.test(raw.trim())) {
    throw new ConfigError(
      "MAIL_FROM",
      `moet een afzender zijn als "Naam <adres@domein>" of adres@domein (nu "${raw}").`,
    );
  }
  return raw.trim();
}

function parsePublicUrl(raw: string | undefined, port: number): string {
  if (raw === undefined || raw === "") return `http://127.0.0.1:${port}`;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (
    !url ||
    (url.protocol !== "http:" && url.protocol !== "https:") ||
    url.search !== "" ||
    url.hash !== "" ||
    url.username !== "" ||
    url.password !== ""
  ) {
    throw new ConfigError(
      "PUBLIC_URL",
      `moet een adres zijn als https://samenkracht.gemeente.nl, zonder ? of # (nu "${raw}").`,
    );
  }
  return url.href.replace(/\/+$/, "");
}

const toAbsolute = (path: string): string => (isAbsolute(path) ? path : resolve(projectRoot, path));

/** Reads and validates the environment once; throws ConfigError naming the variable at fault. */
export function loadEnv(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  const host = env.HOST === undefined || env.HOST === "" ? "127.0.0.1" : env.HOST;
  if (/\s/.test(host)) throw new ConfigError("HOST", `bevat spaties (nu "${host}").`);
  const port = parsePort(env.PORT);
  return {
    port,
    host,
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL),
    dataDir: toAbsolute(env.DATA_DIR === undefined || env.DATA_DIR === "" ? "var" : env.DATA_DIR),
    sessionSecret: parseSessionSecret(env.SESSION_SECRET),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    logFormat: parseLogFormat(env.LOG_FORMAT),
    tenantFile: toAbsolute(env.TENANT_CONFIG || "config/tenant.json"),
    trustProxy: parseBoolean("TRUST_PROXY", env.TRUST_PROXY, false),
    dbWaitLimitMs: parseWaitLimit(env.DB_WAIT_LIMIT_MS),
    sessionIdleMinutes: parseWholeNumber(
      "SESSION_IDLE_MINUTES",
      env.SESSION_IDLE_MINUTES,
      DEFAULT_SESSION_IDLE_MINUTES,
      { min: 1, max: 1440, unit: "minuten" },
    ),
    sessionMaxHours: parseWholeNumber(
      "SESSION_MAX_HOURS",
      env.SESSION_MAX_HOURS,
      DEFAULT_SESSION_MAX_HOURS,
      { min: 1, max: 720, unit: "uren" },
    ),
    smtpUrl: parseSmtpUrl(env.SMTP_URL),
    mailFrom: parseMailFrom(env.MAIL_FROM),
    publicUrl: parsePublicUrl(env.PUBLIC_URL, port),
  };
}
