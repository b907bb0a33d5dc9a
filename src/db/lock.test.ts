import { type ChildProcess, spawn } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir, startIdentity } from "./lock.js";

const hasProc = existsSync("/proc/self/stat");
const boot = hasProc ? readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() : undefined;
const freshDir = () => mkdtempSync(join(tmpdir(), "sk-lock-"));
const plant = (dir: string, content: string) =>
  writeFileSync(join(dir, "samenkracht.lock"), content);
const record = (fields: Record<string, unknown>) =>
  JSON.stringify({ boot, host: hostname(), ...fields });

describe("lockDataDir", () => {
  it("refuses a second lock while the first is held, and allows one after release", () => {
    const dir = freshDir();
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/al in gebruik door proces/);
    lock.release();
    expect(existsSync(join(dir, "samenkracht.lock"))).toBe(false);
    lockDataDir(dir).release();
  });

  it("refuses a second lock in the same process through another path to the folder", () => {
    const dir = freshDir();
    const link = join(freshDir(), "link");
    symlinkSync(dir, link);
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(link)).toThrow(DataDirLockedError);
    lock.release();
  });

  it("writes the holder's pid and start identity", () => {
    const dir = freshDir();
    const lock = lockDataDir(dir);
    const written = JSON.parse(readFileSync(join(dir, "samenkracht.lock"), "utf8"));
    expect(written).toMatchObject({ pid: process.pid, host: hostname() });
    if (hasProc) expect(written).toMatchObject({ start: startIdentity(process.pid), boot });
    lock.release();
  });

  it("takes over a lock left by a process that no longer runs (old and new format)", () => {
    for (const content of ["999999999", record({ pid: 999999999, start: "1" })]) {
      const dir = freshDir();
      plant(dir, content);
      lockDataDir(dir).release();
    }
  });

  it("takes over a lock with its own pid from a previous life, as pid 1 in a restarted container", () => {
    for (const content of [String(process.pid), record({ pid: process.pid, start: "1" })]) {
      const dir = freshDir();
      plant(dir, content);
      const lock = lockDataDir(dir);
      expect(JSON.parse(readFileSync(join(dir, "samenkracht.lock"), "utf8")).start).not.toBe("1");
      lock.release();
    }
  });

  it("takes over an unreadable lock file", () => {
    for (const content of ["", "kapot", "{}", '{"pid":-4}', '{"pid":"12"}', "\0\0\0"]) {
      const dir = freshDir();
      plant(dir, content);
      lockDataDir(dir).release();
    }
  });

  it("refuses a lock held by another live process (old format)", () => {
    const dir = freshDir();
    plant(dir, String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  });

  it.skipIf(!hasProc)("refuses a live holder whose start identity matches", () => {
    const dir = freshDir();
    plant(dir, record({ pid: process.ppid, start: startIdentity(process.ppid) }));
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`door proces ${process.ppid}\\.`));
  });

  it.skipIf(!hasProc)("takes over when the pid now belongs to another process", () => {
    const dir = freshDir();
    plant(dir, record({ pid: process.ppid, start: "1" }));
    lockDataDir(dir).release();
  });

  it.skipIf(!hasProc)("takes over a lock from before a reboot", () => {
    const dir = freshDir();
    plant(
      dir,
      record({ pid: process.ppid, start: startIdentity(process.ppid), boot: "vorige-start" }),
    );
    lockDataDir(dir).release();
  });

  it("trusts a lock from another host while it is kept fresh, and takes it over when it is not", () => {
    const dir = freshDir();
    const file = join(dir, "samenkracht.lock");
    plant(dir, JSON.stringify({ pid: 1, start: "1", host: "andere-container" }));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
    lockDataDir(dir).release();
  });

  it("leaves a lock alone on release once someone else holds it", () => {
    const dir = freshDir();
    const lock = lockDataDir(dir);
    const theirs = record({ pid: process.ppid, start: "2" });
    plant(dir, theirs);
    lock.release();
    expect(readFileSync(join(dir, "samenkracht.lock"), "utf8")).toBe(theirs);
  });
});

/** Another process that takes the lock on `dir` and keeps running; "locked" or the error on stdout. */
function holder(dir: string) {
  const lockModule = fileURLToPath(new URL("./lock.ts", import.meta.url));
  const script = `
    import { lockDataDir } from ${JSON.stringify(lockModule)};
    try { lockDataDir(${JSON.stringify(dir)}); console.log("locked"); }
    catch (error) { console.log(error.name); }
    setInterval(() => {}, 1000);
  `;
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "--eval", script],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  children.push(child);
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const result = async () => {
    while (!output.trim()) {
      if (child.exitCode !== null) throw new Error("het proces stopte zonder uitkomst");
      await new Promise((r) => setTimeout(r, 50));
    }
    return output.trim();
  };
  return { child, exited, result };
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

describe("lockDataDir across processes", () => {
  it("is refused while another process holds it, and taken over after that process is killed with SIGKILL", async () => {
    const dir = freshDir();
    const other = holder(dir);
    expect(await other.result()).toBe("locked");
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`door proces ${other.child.pid}\\.`));
    other.child.kill("SIGKILL");
    await other.exited;
    expect(existsSync(join(dir, "samenkracht.lock"))).toBe(true);
    lockDataDir(dir).release();
  }, 30_000);

  it("lets exactly one of several starters take over a stale lock", async () => {
    const dir = freshDir();
    plant(dir, record({ pid: 999999999, start: "1" }));
    const starters = Array.from({ length: 4 }, () => holder(dir));
    const results = await Promise.all(starters.map((s) => s.result()));
    expect(results.filter((r) => r === "locked")).toHaveLength(1);
    expect(results.filter((r) => r === "DataDirLockedError")).toHaveLength(3);
  }, 30_000);
});
