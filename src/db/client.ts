import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { DEFAULT_DB_WAIT_LIMIT_MS } from "../config/env.js";
import { fromRoot } from "../config/paths.js";
import { type DataDirLock, lockDataDir } from "./lock.js";
import * as schema from "./schema.js";
import { TransactionQueue } from "./transaction-queue.js";

export type Database = NodePgDatabase<typeof schema>;
export type DatabaseKind = "pglite" | "postgresql";

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** PGlite: the queue every transaction waits in, at most DB_WAIT_LIMIT_MS; absent on PostgreSQL. */
  transactions?: TransactionQueue | undefined;
  /** Applies the committed migrations in drizzle/. */
  migrate(): Promise<void>;
  /** PGlite in memory: the whole database as a tarball, to start others from (test snapshots). */
  dump?: (() => Promise<Blob>) | undefined;
  close(): Promise<void>;
}

const migrationsFolder = fromRoot("drizzle");

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Folder for PGlite; "memory" for a throw-away database (tests). */
  dataDir: string;
  /**
   * How long a write may wait before it fails with 503 (DB_WAIT_LIMIT_MS): PGlite's transaction
   * queue; on PostgreSQL the pool's connection wait and lock_timeout.
   */
  waitLimitMs?: number | undefined;
  /** PGlite in memory: start from this dump (of `dump()`) instead of an empty cluster. */
  loadDataDir?: Blob | undefined;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  const waitLimitMs = options.waitLimitMs ?? DEFAULT_DB_WAIT_LIMIT_MS;
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, waitLimitMs)
    : openPglite(options.dataDir, waitLimitMs, options.loadDataDir);
}

async function openPostgres(url: string, waitLimitMs: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // The same bound as PGlite's queue: waiting for a connection or a row lock longer than
    // DB_WAIT_LIMIT_MS ends in 503 with Retry-After (platform/db-errors.ts), not an endless stall.
    connectionTimeoutMillis: waitLimitMs,
    options: `-c lock_timeout=${Math.round(waitLimitMs)}`,
  });
  // An idle connection can be closed by the server (restart, admin); without a listener Node would
  // crash the process. The next query gets a fresh connection, so logging is enough.
  pool.on("error", (error) => {
    console.error(`PostgreSQL-verbinding verbroken: ${error.message}`);
  });
  const client = await pool.connect().catch(async (error: Error) => {
    await pool.end();
    throw new Error(`Kan geen verbinding maken met PostgreSQL (DATABASE_URL): ${error.message}`);
  });
  client.release();
  const db = drizzlePg(pool, { schema, casing: "snake_case" });
  return {
    db,
    kind: "postgresql",
    migrate: () => migratePg(db, { migrationsFolder }),
    close: () => pool.end(),
  };
}

/** A new PGlite cluster is initialised in a temporary folder and renamed, so a crash mid-initdb leaves no half folder. */
async function createPgliteDir(dir: string): Promise<void> {
  const tmp = `${dir}.init`;
  rmSync(tmp, { recursive: true, force: true });
  const fresh = await PGlite.create({ dataDir: tmp });
  await fresh.close();
  renameSync(tmp, dir);
}

async function openPglite(
  dataDir: string,
  waitLimitMs: number,
  loadDataDir?: Blob,
): Promise<DatabaseHandle> {
  let lock: DataDirLock | undefined;
  let client: PGlite;
  if (dataDir === "memory") {
    client = await PGlite.create(loadDataDir ? { loadDataDir } : {});
  } else {
    mkdirSync(dataDir, { recursive: true });
    lock = lockDataDir(dataDir);
    try {
      const dir = join(dataDir, "pglite");
      if (!existsSync(dir)) await createPgliteDir(dir);
      client = await PGlite.create({ dataDir: dir });
    } catch (error) {
      lock.release();
      throw error;
    }
  }
  // Both drivers expose the same query builder; typing them as one keeps repositories driver-agnostic.
  const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Database;
  const transactions = new TransactionQueue(waitLimitMs);
  queueTransactions(db, transactions);
  let closed = false;
  return {
    db,
    kind: "pglite",
    transactions,
    migrate: () =>
      migratePglite(drizzlePglite(client, { schema, casing: "snake_case" }), { migrationsFolder }),
    ...(dataDir === "memory" ? { dump: () => client.dumpDataDir("gzip") } : {}),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/**
 * Every `db.transaction` of the application waits its turn in the queue, so all modules get the
 * bounded wait without knowing about it. Savepoints (`tx.transaction`) run inside their transaction.
 */
function queueTransactions(db: Database, queue: TransactionQueue): void {
  const transaction = db.transaction.bind(db);
  db.transaction = (async (work, config) => {
    const since = performance.now();
    // PGlite answers without real I/O, so a request runs from start to end without the event loop
    // reading the next one: requests then wait unseen in the socket backlog, served in whatever
    // order the OS hands them over (a 14 s tail was measured). One turn of the event loop here lets
    // the waiting requests in, so they queue below in order of arrival, where the limit applies.
    await new Promise<void>((resolve) => setImmediate(resolve));
    return queue.run(
      (started) =>
        transaction(async (tx) => {
          started();
          return work(tx);
        }, config),
      since,
    );
  }) as Database["transaction"];
}
