import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../src/config/paths.js";

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), "sk-cli-"));
// Always PGlite in a temporary folder: the CLI must never touch a shared test database.
const cli = (...args: string[]) =>
  run(process.execPath, ["--import", "tsx", fromRoot("src/cli/user.ts"), ...args], {
    cwd: fromRoot(),
    env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir },
  }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      out: e.stdout + e.stderr,
    }),
  );

describe("npm run gebruiker", () => {
  it("creates an account with a generated password and lists it", async () => {
    const created = await cli(
      "aanmaken",
      "--gebruikersnaam",
      "fatima",
      "--naam",
      "Fatima El Amrani",
      "--rol",
      "partner",
      "--scope",
      "MOvector",
    );
    expect(created.code).toBe(0);
    expect(created.out).toMatch(
      /Gebruiker fatima is aangemaakt\.\nWachtwoord \(wordt niet opnieuw getoond\): [A-Za-z0-9]{20}/,
    );
    const list = await cli("lijst");
    // Scoped to the organisation record, found by its other name, and shown by its name.
    expect(list.out).toContain("fatima\tFatima El Amrani\tpartner (MOvactor)");
    const organisations = await cli("organisaties");
    expect(organisations.out).toMatch(/^movactor\tMOvactor\t\(.*MOvector.*\)$/m);
  }, 60_000);

  it("refuses a partner whose organisation is no record, and creates nothing", async () => {
    const result = await cli(
      "aanmaken",
      "--gebruikersnaam",
      "pieter",
      "--naam",
      "Pieter Jansen",
      "--rol",
      "partner",
      "--scope",
      "Stichting Bestaat Niet",
    );
    expect(result.code).toBe(1);
    expect(result.out).toContain(
      'Organisatie "Stichting Bestaat Niet" is geen bestaande organisatie',
    );
    expect((await cli("lijst")).out).not.toContain("pieter");
  }, 60_000);

  it("explains invalid input in Dutch and exits 1", async () => {
    const result = await cli(
      "aanmaken",
      "--gebruikersnaam",
      "jo",
      "--naam",
      "Jo",
      "--rol",
      "koning",
    );
    expect(result.code).toBe(1);
    expect(result.out).toContain("Gebruikersnaam moet 3 tot 40 tekens zijn");
    expect(result.out).toContain("Rol moet een van deze zijn");
  }, 60_000);

  it("shows its usage for an unknown command", async () => {
    const result = await cli("verwijderen");
    expect(result.code).toBe(2);
    expect(result.out).toContain("npm run gebruiker -- aanmaken");
  });
});
