import { mkdirSync } from "node:fs";
import { buildApp } from "./app.js";
import { ConfigError, loadEnv } from "./config/env.js";
import { ensureSessionSecret } from "./config/session-secret.js";
import { loadTenant } from "./config/tenant.js";
import { openDatabase } from "./db/client.js";
import { DataDirLockedError } from "./db/lock.js";
import { ensureInitialAdministrator, INITIAL_ADMIN_USERNAME } from "./modules/accounts/index.js";
import { systemActor } from "./platform/actor.js";
import { loadDefaultData } from "./seed.js";

function printOnce(password: string): void {
  const lines = [
    "Er is een beheerdersaccount aangemaakt. Dit wachtwoord wordt maar één keer getoond:",
    `  gebruikersnaam: ${INITIAL_ADMIN_USERNAME}`,
    `  wachtwoord:     ${password}`,
    "Log in op /inloggen en wijzig het wachtwoord op /account.",
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const rule = "=".repeat(width + 4);
  console.log([rule, ...lines.map((l) => `| ${l.padEnd(width)} |`), rule].join("\n"));
}

async function main(): Promise<void> {
  const env = loadEnv();
  const tenant = loadTenant(env.tenantFile);
  mkdirSync(env.dataDir, { recursive: true });
  const sessionSecret = ensureSessionSecret(env.dataDir, env.sessionSecret);

  const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} ontvangen: Samenkracht stopt.`);
    try {
      await app?.close();
    } finally {
      await database.close();
    }
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  try {
    await database.migrate();
    const loaded = await loadDefaultData(database.db, tenant);
    if (loaded.length > 0) console.log(`Standaardgegevens geladen: ${loaded.join(", ")}.`);
    const password = await ensureInitialAdministrator(
      database.db,
      systemActor(tenant.municipality.code),
    );
    app = await buildApp({
      db: database.db,
      databaseKind: database.kind,
      tenant,
      sessionSecret,
      logLevel: env.logLevel,
      trustProxy: env.trustProxy,
    });
    await app.listen({ port: env.port, host: env.host });
    if (password) printOnce(password);
    const shownHost = env.host.includes(":") ? `[${env.host}]` : env.host;
    console.log(
      `Samenkracht draait op http://${shownHost}:${env.port}/ (database: ${database.kind})`,
    );
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.close();
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error("Samenkracht kon niet starten:", error);
  }
  process.exit(1);
});
