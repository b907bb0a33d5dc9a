import { randomBytes } from "node:crypto";
import pg from "pg";
import { loadTenant } from "../../src/config/tenant.js";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.js";
import { loadDefaultData } from "../../src/seed.js";
import { snapshot } from "./snapshot.js";

/** The PostgreSQL server to test against, or undefined for PGlite (the default). */
export const testDatabaseUrl = (): string | undefined => process.env.DATABASE_URL || undefined;

/**
 * A fresh, migrated database for one test file: PGlite in memory, or — when DATABASE_URL is set —
 * a new database on that server, dropped again by close().
 */
export async function freshDatabase(
  options: {
    waitLimitMs?: number | undefined;
    /** PGlite: also with the default data set, from a snapshot (snapshot.ts). */
    seeded?: boolean | undefined;
  } = {},
): Promise<DatabaseHandle> {
  const serverUrl = testDatabaseUrl();
  if (!serverUrl) {
    const tenant = loadTenant();
    const loadDataDir = await snapshot(
      options.seeded ? "standaardgegevens" : "gemigreerd",
      async (h) => {
        await h.migrate();
        if (options.seeded) await loadDefaultData(h.db, tenant);
      },
    );
    return openDatabase({ dataDir: "memory", waitLimitMs: options.waitLimitMs, loadDataDir });
  }
  const name = `samenkracht_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({
    databaseUrl: url.toString(),
    dataDir: "unused",
    waitLimitMs: options.waitLimitMs,
  });
  await handle.migrate();
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
