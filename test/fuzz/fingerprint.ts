import { sql } from "drizzle-orm";
import type { Db } from "../../src/db/executor.js";

/**
 * Tables whose rows change on reads or refusals by design: login sessions, the request counters
 * of rate limits and the failed logins that slow down the next attempt. Everything else is data
 * that a refused request must leave alone.
 */
const VOLATILE = new Set(["sessions", "throttle_counters", "login_failures"]);
/**
 * Columns that change on reads by design: the last use of an API token (at most once a minute).
 * The rest of those rows still counts: a revocation or a new token is a change.
 */
const VOLATILE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  api_tokens: ["last_used_at"],
};

const rowsOf = (result: unknown): Record<string, unknown>[] =>
  ((result as { rows?: Record<string, unknown>[] }).rows ?? result) as Record<string, unknown>[];

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * A fingerprint of the database, to prove that a request changed nothing: per table its row
 * count and an order-independent hash over every row, in one query. On the default data set that
 * costs a few milliseconds, so every refused request is checked on its own, not just per batch.
 * The audit trail is one of the tables: every change writes an entry in the same transaction.
 */
export class Fingerprint {
  private constructor(
    private readonly db: Db,
    private readonly query: string,
    readonly tables: readonly string[],
  ) {}

  static async create(db: Db): Promise<Fingerprint> {
    const rows = rowsOf(
      await db.execute(
        sql`select table_name from information_schema.tables
            where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
      ),
    );
    const tables = rows
      .map((r) => String(r.table_name))
      .filter((t) => !VOLATILE.has(t) && !t.startsWith("__"));
    if (!tables.includes("audit_entries")) throw new Error("audit_entries not found");
    const rowText = (t: string) => {
      const skip = VOLATILE_COLUMNS[t];
      return skip
        ? `(to_jsonb(x) - array[${skip.map((c) => `'${c}'`).join(", ")}])::text`
        : "x::text";
    };
    const parts = tables.map(
      (t) =>
        `(select count(*)::text || ':' || coalesce(md5(string_agg(h, '' order by h)), '') from (select md5(${rowText(t)}) as h from ${ident(t)} x) s)`,
    );
    return new Fingerprint(db, `select concat_ws('|', ${parts.join(", ")}) as f`, tables);
  }

  async take(): Promise<string> {
    return String(rowsOf(await this.db.execute(sql.raw(this.query)))[0]?.f);
  }

  /** The tables that differ between two fingerprints, with their row counts before → after. */
  diff(a: string, b: string): string {
    const pa = a.split("|");
    const pb = b.split("|");
    return this.tables
      .flatMap((t, i) =>
        pa[i] === pb[i] ? [] : [`${t} (${pa[i]?.split(":")[0]} → ${pb[i]?.split(":")[0]} rows)`],
      )
      .join(", ");
  }
}
