import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { fromRoot } from "../config/paths.js";
import { type DataDirLock, lockDataDir } from "./lock.js";
import * as schema from "./schema.js";

export type Database = NodePgDatabase<typeof schema>;
export type DatabaseKind = "pglite" | "postgresql";

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Applies the committed migrations in drizzle/. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = fromRoot("drizzle");

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Folder for PGlite; "memory" for a throw-away database (tests). */
  dataDir: string;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
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

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  let lock: DataDirLock | undefined;
  let client: PGlite;
  if (dataDir === "memory") {
    client = await PGlite.create();
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
  let closed = false;
  return {
    db,
    kind: "pglite",
    migrate: () =>
      migratePglite(drizzlePglite(client, { schema, casing: "snake_case" }), { migrationsFolder }),
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
