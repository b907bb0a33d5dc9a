import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromRoot } from "../src/config/paths.js";
import { testDatabaseUrl } from "./helpers/database.js";

/** Starts `src/main.ts` as `npm start` does (without the build step) and collects its output. */
function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", fromRoot("src/main.ts")], {
    cwd: fromRoot(),
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const ready = async (marker = "Samenkracht draait op") => {
    const until = Date.now() + 60_000;
    while (!output.includes(marker)) {
      if (child.exitCode !== null || Date.now() > until)
        throw new Error(`start mislukt:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { child, ready, exited, output: () => output };
}

async function stop(child: ChildProcess, exited: Promise<number | null>) {
  child.kill("SIGTERM");
  return exited;
}

const port = () => String(20_000 + Math.floor(Math.random() * 20_000));
const serverUrl = testDatabaseUrl();
let databaseUrl: string | undefined;
const dataDir = mkdtempSync(join(tmpdir(), "sk-start-"));

beforeAll(async () => {
  if (!serverUrl) return;
  const name = `samenkracht_start_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
});

afterAll(async () => {
  if (!serverUrl || !databaseUrl) return;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(
    `drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`,
  );
  await admin.end();
});

/** Logs in as beheerder; the cookies for further requests, or undefined when that fails. */
async function login(base: string, password: string): Promise<string | undefined> {
  const page = await fetch(`${base}/inloggen`);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(";")[0] ?? "";
      cookies.set(pair.split("=")[0] ?? "", pair);
    }
  };
  keep(page);
  const res = await fetch(`${base}/inloggen`, {
    method: "POST",
    redirect: "manual",
    headers: {
      cookie: [...cookies.values()].join("; "),
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({
      _csrf: token,
      gebruikersnaam: "beheerder",
      wachtwoord: password,
    }).toString(),
  });
  if (res.status !== 303) return undefined;
  keep(res);
  return [...cookies.values()].join("; ");
}

/** A one-time password must be replaced before anything else; the session making the change stays. */
async function chooseOwnPassword(base: string, cookie: string, current: string): Promise<void> {
  const page = await fetch(`${base}/account`, { headers: { cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  const res = await fetch(`${base}/account/wachtwoord`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      _csrf: token,
      huidig: current,
      nieuw: "paarse-olifant-fietst-naar-vianen",
    }).toString(),
  });
  if (res.status !== 303) throw new Error(`wachtwoord wijzigen mislukt (${res.status})`);
}

async function loginWorks(base: string, password: string): Promise<boolean> {
  return (await login(base, password)) !== undefined;
}

describe(`npm start (${serverUrl ? "postgresql" : "pglite"})`, () => {
  it("serves, keeps its data over a restart and prints the beheerder password only the first time", async () => {
    const env = {
      DATA_DIR: dataDir,
      PORT: port(),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    };
    const base = `http://127.0.0.1:${env.PORT}`;
    // As on a terminal: readable lines, and the password box last.
    const first = start({ ...env, LOG_FORMAT: "pretty" });
    await first.ready("└");
    const password = /wachtwoord:\s+(\S+)/.exec(first.output())?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    const health = await (await fetch(`${base}/api/v1/health`)).json();
    expect(health).toMatchObject({ status: "ok", database: serverUrl ? "postgresql" : "pglite" });
    await fetch(`${base}/gebieden`);
    await new Promise((r) => setTimeout(r, 300));
    // Request lines are at debug level: the box still ends the output, naming where to log in.
    expect(first.output().trimEnd()).toMatch(
      new RegExp(`Log in op ${base}/inloggen[^\\n]*\\n.*\\n└─+┘$`),
    );
    expect(first.output()).not.toContain('{"level"');
    expect(await stop(first.child, first.exited)).toBe(0);
    expect(first.output()).toContain("SIGTERM ontvangen");
    expect(existsSync(join(dataDir, "samenkracht.lock"))).toBe(false);

    // Not a terminal and no LOG_FORMAT: JSON lines for a log collector.
    const second = start({ ...env, LOG_LEVEL: "debug" });
    await second.ready();
    await fetch(`${base}/api/v1/health`);
    await new Promise((r) => setTimeout(r, 300));
    const lines = second.output().trim().split("\n");
    const parsed = lines.map((line) => JSON.parse(line));
    expect(parsed).toContainEqual(
      expect.objectContaining({ level: 20, url: "/api/v1/health", statusCode: 200 }),
    );
    expect(second.output()).not.toContain("wachtwoord");
    expect(second.output()).not.toContain("Standaardgegevens geladen");
    expect(await loginWorks(base, password ?? "")).toBe(true);
    const wijken = await (await fetch(`${base}/api/v1/gebieden?niveau=wijk`)).json();
    expect(wijken.gebieden).toHaveLength(22);
    expect(await stop(second.child, second.exited)).toBe(0);
  }, 120_000);

  it.skipIf(Boolean(serverUrl))(
    "refuses a second process on the same DATA_DIR with a clear message",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "sk-lock-"));
      const first = start({ DATA_DIR: dir, PORT: port() });
      await first.ready();
      const second = start({ DATA_DIR: dir, PORT: port() });
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/De database in .* is al in gebruik door proces \d+/);
      expect(await stop(first.child, first.exited)).toBe(0);
    },
    120_000,
  );

  it.skipIf(Boolean(serverUrl))(
    "starts again after kill -9 on the same DATA_DIR, with what was saved before",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "sk-kill-"));
      const env = { DATA_DIR: dir, PORT: port() };
      const base = `http://127.0.0.1:${env.PORT}`;
      const first = start({ ...env, LOG_FORMAT: "pretty" });
      await first.ready("└");
      const password = /wachtwoord:\s+(\S+)/.exec(first.output())?.[1] ?? "";
      const cookie = await login(base, password);
      expect(cookie).toBeDefined();
      await chooseOwnPassword(base, cookie ?? "", password);
      const note = "Vastgelegd vlak voor kill -9";
      const patch = await fetch(`${base}/api/v1/gebieden/WK035601`, {
        method: "PATCH",
        headers: { cookie: cookie ?? "", "content-type": "application/json" },
        body: JSON.stringify({ gebied: "GB035601", toelichting: note }),
      });
      expect(patch.status).toBe(200);
      // No shutdown at all: the lock file stays behind, naming a process that is gone.
      first.child.kill("SIGKILL");
      await first.exited;
      expect(existsSync(join(dir, "samenkracht.lock"))).toBe(true);

      const second = start(env);
      await second.ready();
      const health = await fetch(`${base}/api/v1/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok", database: "pglite" });
      const wijk = await (await fetch(`${base}/api/v1/gebieden/WK035601`)).json();
      expect(wijk).toMatchObject({ ouder: { code: "GB035601" }, toelichtingIndeling: note });
      expect(await stop(second.child, second.exited)).toBe(0);
    },
    120_000,
  );

  it("stops at once on invalid configuration, naming the variable", async () => {
    const run = start({ DATA_DIR: dataDir, PORT: "geen-poort" });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(
      "Ongeldige configuratie: PORT moet een getal tussen 1 en 65535 zijn",
    );
  });
});
