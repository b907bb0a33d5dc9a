import { AppError, conflict } from "./errors.js";

/** PostgreSQL error codes (SQLSTATE) that are a conflict with another user, not a fault of ours. */
const UNIQUE_VIOLATION = "23505";
const RETRYABLE = new Set(["40001", "40P01"]); // serialization_failure, deadlock_detected
/** lock_not_available: a row lock was not granted within lock_timeout (DB_WAIT_LIMIT_MS). */
const LOCK_TIMEOUT = "55P03";
/** node-postgres' pool gives up waiting for a free connection (connectionTimeoutMillis). */
const POOL_TIMEOUT_MESSAGE = "timeout exceeded when trying to connect";

/** What the person was doing that collided, per unique constraint; the fallback covers the rest. */
const UNIQUE_MESSAGES: Record<string, string> = {
  measurements_period_unique:
    "Voor deze indicator, dit gebied en deze periode is zojuist al een meting opgeslagen. Laad de gegevens opnieuw en probeer het nog eens.",
  policy_documents_slug_unique: "Er is al een beleidsdocument met deze code.",
  partnerships_slug_unique: "Er is al een samenwerkingsverband met deze naam.",
  indicators_slug_unique: "Er is al een indicator met deze code.",
  activity_years_unique: "Deze activiteit heeft dit jaar al.",
  policy_document_snapshots_version_unique:
    "Het document is tegelijk door iemand anders gepubliceerd. Probeer het opnieuw.",
};

const UNIQUE_FALLBACK =
  "Dit gegeven bestaat al; iemand anders heeft het waarschijnlijk tegelijk aangemaakt. Laad de pagina opnieuw en probeer het nog eens.";
const RETRY_MESSAGE =
  "Uw wijziging botste met een gelijktijdige wijziging van iemand anders. Probeer het opnieuw.";

interface PgErrorFields {
  code: string;
  constraint?: string | undefined;
}

/**
 * The PostgreSQL error inside `error`: node-postgres and PGlite throw it directly, Drizzle wraps it
 * in a DrizzleQueryError whose `cause` is the original.
 */
export function postgresError(error: unknown): PgErrorFields | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Object; depth++) {
    const e = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (
      typeof e.code === "string" &&
      (e.code === UNIQUE_VIOLATION || e.code === LOCK_TIMEOUT || RETRYABLE.has(e.code))
    ) {
      return {
        code: e.code,
        constraint: typeof e.constraint === "string" ? e.constraint : undefined,
      };
    }
    current = e.cause;
  }
  return undefined;
}

/**
 * A unique-key conflict or lost serialization/deadlock race as a 409 for the user; a wait beyond
 * DB_WAIT_LIMIT_MS on PostgreSQL (lock or pool) as a 503 with Retry-After; undefined for anything else.
 */
export function fromDatabaseError(error: unknown): AppError | undefined {
  if (error instanceof Error && error.message.includes(POOL_TIMEOUT_MESSAGE))
    return databaseBusy(1);
  const pg = postgresError(error);
  if (!pg) return undefined;
  if (pg.code === LOCK_TIMEOUT) return databaseBusy(1);
  if (pg.code === UNIQUE_VIOLATION) {
    return conflict((pg.constraint && UNIQUE_MESSAGES[pg.constraint]) || UNIQUE_FALLBACK);
  }
  return conflict(RETRY_MESSAGE);
}

/** The database is busy beyond the configured wait (DB_WAIT_LIMIT_MS): 503 with Retry-After. */
export function databaseBusy(retryAfterSeconds: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError(
    503,
    "Even te druk",
    `Het is op dit moment te druk om uw wijziging op te slaan; er is niets gewijzigd. Probeer het over ${seconds} ${seconds === 1 ? "seconde" : "seconden"} opnieuw.`,
    [],
    { "Retry-After": String(seconds) },
  );
}
