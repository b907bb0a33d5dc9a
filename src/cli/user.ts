import { parseArgs } from "node:util";
import { ConfigError, loadEnv } from "../config/env.js";
import { loadTenant } from "../config/tenant.js";
import { openDatabase } from "../db/client.js";
import { DataDirLockedError } from "../db/lock.js";
import { createAccount, listAccounts, ROLES } from "../modules/accounts/index.js";
import { systemActor } from "../platform/actor.js";
import { AppError } from "../platform/errors.js";

const USAGE = `Gebruik:
  npm run gebruiker -- aanmaken --gebruikersnaam NAAM --naam "Volledige naam" --rol ROL [--scope ORGANISATIE] [--email ADRES]
  npm run gebruiker -- lijst

Rollen: ${ROLES.join(", ")}. Bij partner en buurtverbinder hoort --scope (organisatie of buurtplein).
Zonder --wachtwoord wordt een wachtwoord gemaakt en één keer getoond.
Met PGlite (geen DATABASE_URL) moet de server gestopt zijn: één proces tegelijk per DATA_DIR.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== "aanmaken" && command !== "lijst") {
    console.error(USAGE);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      gebruikersnaam: { type: "string" },
      naam: { type: "string" },
      rol: { type: "string" },
      scope: { type: "string" },
      email: { type: "string" },
      wachtwoord: { type: "string" },
    },
  });
  const env = loadEnv();
  const tenant = loadTenant(env.tenantFile);
  const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  try {
    await database.migrate();
    if (command === "lijst") {
      for (const a of await listAccounts(database.db, tenant.municipality.code)) {
        const roles = a.roles.map((r) => (r.scope ? `${r.role} (${r.scope})` : r.role)).join(", ");
        console.log(`${a.username}\t${a.displayName}\t${roles}${a.active ? "" : "\t(inactief)"}`);
      }
      return 0;
    }
    const { account, password } = await createAccount(
      database.db,
      systemActor(tenant.municipality.code, "systeem (cli)"),
      {
        username: values.gebruikersnaam ?? "",
        displayName: values.naam ?? "",
        role: values.rol ?? "",
        scope: values.scope,
        email: values.email,
        password: values.wachtwoord,
      },
    );
    console.log(`Gebruiker ${account.username} is aangemaakt.`);
    if (!values.wachtwoord) console.log(`Wachtwoord (wordt niet opnieuw getoond): ${password}`);
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof AppError) {
      console.error(
        error.fieldErrors.length > 0
          ? error.fieldErrors.map((e) => `- ${e.message}`).join("\n")
          : error.detail,
      );
    } else if (
      error instanceof ConfigError ||
      error instanceof DataDirLockedError ||
      error instanceof TypeError
    ) {
      console.error(error.message);
    } else console.error(error);
    process.exit(1);
  },
);
