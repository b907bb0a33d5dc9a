import { mkdirSync } from "node:fs";
import { buildApp } from "./app.js";
import { ConfigError, loadEnv } from "./config/env.js";
import { ensureSessionSecret } from "./config/session-secret.js";
import { loadTenant } from "./config/tenant.js";
import { openDatabase } from "./db/client.js";
import { DataDirLockedError } from "./db/lock.js";
import { ensureInitialAdministrator, INITIAL_ADMIN_USERNAME } from "./modules/accounts/index.js";
import { systemActor } from "./platform/actor.js";
import { type Scheduler, startScheduler } from "./platform/jobs/index.js";
import { createLogger, effectiveLogFormat } from "./platform/logger.js";
import { loadDefaultData } from "./seed.js";
import { passwordBox } from "./web/console-box.js";

/** The address a person types into a browser: a wildcard listen address is reached locally. */
function browserBase(host: string, port: number): string {
  const local = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return `http://${local.includes(":") ? `[${local}]` : local}:${port}`;
}

async function main(): Promise<void> {
  const env = loadEnv();
  const format = effectiveLogFormat(env.logFormat, process.stdout.isTTY === true);
  const log = createLogger({ level: env.logLevel, format, colour: process.stdout.isTTY === true });
  // Set by scripts/start.mjs (npm start): whether it rebuilt, in one line of the same log.
  if (process.env.SAMENKRACHT_BUILD) log.info(process.env.SAMENKRACHT_BUILD);
  const tenant = loadTenant(env.tenantFile);
  mkdirSync(env.dataDir, { recursive: true });
  const sessionSecret = ensureSessionSecret(env.dataDir, env.sessionSecret);

  const database = await openDatabase({
    databaseUrl: env.databaseUrl,
    dataDir: env.dataDir,
    waitLimitMs: env.dbWaitLimitMs,
  });
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let scheduler: Scheduler | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} ontvangen: Samenkracht stopt.`);
    try {
      // First the jobs: a turn in progress finishes while the database is still open.
      await scheduler?.stop();
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
    if (loaded.length > 0) log.info(`Standaardgegevens geladen: ${loaded.join(", ")}.`);
    const password = await ensureInitialAdministrator(
      database.db,
      systemActor(tenant.municipality.code),
    );
    app = await buildApp({
      db: database.db,
      databaseKind: database.kind,
      tenant,
      sessionSecret,
      logger: log,
      trustProxy: env.trustProxy,
      sessionIdleMinutes: env.sessionIdleMinutes,
      sessionMaxHours: env.sessionMaxHours,
      mail: { smtpUrl: env.smtpUrl, from: env.mailFrom, publicUrl: env.publicUrl },
    });
    const base = browserBase(env.host, env.port);
    await app.listen({
      port: env.port,
      host: env.host,
      listenTextResolver: () => `Samenkracht draait op ${base}/ (database: ${database.kind})`,
    });
    // After listening: a job missed while the server was down runs shortly after this.
    if (!stopping) scheduler = startScheduler({ db: database.db, registry: app.jobs, log });
    if (password) {
      const login = `${base}/inloggen`;
      if (format === "json") {
        // A log collector needs valid JSON lines; the password still appears exactly once.
        log.warn(
          { gebruikersnaam: INITIAL_ADMIN_USERNAME, wachtwoord: password, inloggen: login },
          "Eenmalig wachtwoord van het beheerdersaccount: wijzig het na het inloggen",
        );
      } else {
        // Last thing printed: request lines are at debug level, so nothing pushes it away.
        process.stdout.write(passwordBox(INITIAL_ADMIN_USERNAME, password, login));
      }
    }
  } catch (error) {
    await scheduler?.stop();
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
