import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromRoot } from "../src/config/paths.js";
import { startTestApp, type TestApp } from "./helpers/app.js";

const run = promisify(execFile);
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

interface SpectralResult {
  code: string;
  message: string;
  path: string[];
  severity: number;
}

describe("OpenAPI document", () => {
  it("is public OpenAPI 3 with CORS, listing the API operations only", async () => {
    const res = await t.app.inject({ url: "/api/v1/openapi.json" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/activiteiten",
      "/activiteiten/{id}",
      "/activiteiten/{id}/doorschuiven",
      "/activiteiten/{id}/jaren/{jaar}",
      "/begroting-welzijn",
      "/begroting-welzijn/{jaar}/werkgebieden/{werkgebied}",
      "/beleidsdocumenten",
      "/beleidsdocumenten/{document}",
      "/beleidsdocumenten/{document}/activiteiten.csv",
      "/beleidsdocumenten/{document}/kopie-volgend-jaar",
      "/beleidsdocumenten/{document}/onderdelen",
      "/beleidsdocumenten/{document}/publicaties",
      "/beleidsdocumenten/{document}/publicaties/{versie}",
      "/beleidsdocumenten/{document}/wijzigingen",
      "/beleidsindicatoren/{id}",
      "/doelen",
      "/doelen/{id}",
      "/gebieden",
      "/gebieden/{code}",
      "/health",
      "/indicatoren",
      "/indicatoren/{id}",
      "/indicatoren/{id}/analyse",
      "/indicatoren/{id}/metingen",
      "/indicatoren/{id}/sjabloon",
      "/meldingen",
      "/meldingen/{id}/gelezen",
      "/metingen",
      "/metingen/import",
      "/organisaties",
      "/organisaties/{id}",
      "/organisaties/{id}/profielwijzigingen",
      "/samenwerkingsverbanden",
      "/samenwerkingsverbanden/{id}",
      "/subsidies",
      "/subsidies/register.csv",
      "/subsidies/{id}",
      "/subsidies/{id}/doelen",
      "/subsidies/{id}/doelen/{doel}",
      "/subsidies/{id}/indicatoren",
      "/subsidies/{id}/indicatoren/{afspraak}",
      "/subsidies/{id}/status",
      "/subsidies/{id}/verantwoordingseisen",
      "/subsidies/{id}/verantwoordingseisen/{eis}",
      "/verantwoordingen",
      "/verantwoordingen/{id}",
      "/verantwoordingen/{id}/beoordeling",
      "/verantwoordingen/{id}/bijlagen",
      "/verantwoordingen/{id}/bijlagen/{bijlage}",
      "/verantwoordingen/{id}/indienen",
      "/zoeken",
      "/zoekresultaten",
    ]);
    expect(doc.servers[0].url).toBe("/api/v1");
  });

  it("has no errors under the NL API Design Rules Spectral ruleset", async () => {
    const doc = (await t.app.inject({ url: "/api/v1/openapi.json" })).body;
    const file = join(mkdtempSync(join(tmpdir(), "sk-oas-")), "openapi.json");
    writeFileSync(file, doc);
    const spectral = fromRoot("node_modules/.bin/spectral");
    const ruleset = fromRoot("tools/adr-lint/linter.yaml");
    const { stdout } = await run(spectral, [
      "lint",
      "-r",
      ruleset,
      "-f",
      "json",
      "--quiet",
      "--fail-severity",
      "hint",
      file,
    ]).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
    const results = JSON.parse(stdout || "[]") as SpectralResult[];
    const errors = results
      .filter((r) => r.severity === 0)
      .map((r) => `${r.code} ${r.path.join(".")}: ${r.message}`);
    expect(errors).toEqual([]);
  }, 60_000);
});
