import { parseArgs } from "node:util";
import { ConfigError, loadEnv } from "../config/env.js";
import { loadTenant } from "../config/tenant.js";
import { openDatabase } from "../db/client.js";
import { DataDirLockedError } from "../db/lock.js";
import { createAccount, listAccounts, ROLES, scopeName } from "../modules/accounts/index.js";
import {
  getOrganisationSummary,
  listOrganisationNames,
  matchOrganisation,
} from "../modules/organisations/index.js";
import { systemActor } from "../platform/actor.js";
import { AppError, badRequest } from "../platform/errors.js";
import { loadDefaultData } from "../seed.js";

const USAGE = `Gebruik:
  npm run gebruiker -- aanmaken --gebruikersnaam NAAM --naam "Volledige naam" --rol ROL [--scope ORGANISATIE] [--email ADRES]
  npm run gebruiker -- lijst
  npm run gebruiker -- organisaties

Rollen: ${ROLES.join(", ")}. Bij partner en buurtverbinder hoort --scope: bij partner een
organisatie uit "organisaties" (naam, andere naam of code), bij buurtverbinder het buurtplein.
Zonder --wachtwoord wordt een wachtwoord gemaakt en één keer getoond.
Met PGlite (geen DATABASE_URL) moet de server gestopt zijn: één proces tegelijk per DATA_DIR.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== "aanmaken" && command !== "lijst" && command !== "organisaties") {
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
    // As at start: on a fresh data folder the organisation records a partner is scoped to exist.
    await loadDefaultData(database.db, tenant);
    const municipality = tenant.municipality.code;
    if (command === "organisaties") {
      for (const o of await listOrganisationNames(database.db, municipality)) {
        console.log(
          `${o.slug}\t${o.name}${o.aliases.length > 0 ? `\t(${o.aliases.join(", ")})` : ""}`,
        );
      }
      return 0;
    }
    if (command === "lijst") {
      for (const a of await listAccounts(database.db, municipality)) {
        const roles = a.roles
          .map((r) => (r.scope ? `${r.role} (${scopeName(r)})` : r.role))
          .join(", ");
        console.log(`${a.username}\t${a.displayName}\t${roles}${a.active ? "" : "\t(inactief)"}`);
      }
      return 0;
    }
    const scope =
      values.rol === "partner" && values.scope?.trim()
        ? await partnerScope(database.db, municipality, values.scope.trim())
        : { scope: values.scope };
    const { account, password } = await createAccount(
      database.db,
      systemActor(municipality, "systeem (cli)"),
      {
        username: values.gebruikersnaam ?? "",
        displayName: values.naam ?? "",
        role: values.rol ?? "",
        ...scope,
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

/**
 * A partner is scoped to an organisation record, as in the user form: --scope names it by code
 * (slug), id, name or another name; a name that fits no record, or two, is refused.
 */
async function partnerScope(
  db: Parameters<typeof listOrganisationNames>[0],
  municipality: string,
  given: string,
): Promise<{ scope: string; scopeLabel: string }> {
  const found =
    (await getOrganisationSummary(db, municipality, given)) ??
    matchOrganisation(given, await listOrganisationNames(db, municipality));
  if (!found) {
    throw badRequest(
      `Organisatie "${given}" is geen bestaande organisatie. Kies er een uit "npm run gebruiker -- organisaties" (naam, andere naam of code).`,
    );
  }
  return { scope: found.id, scopeLabel: found.name };
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
