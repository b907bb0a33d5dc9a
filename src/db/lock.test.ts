import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./lock.js";

describe("lockDataDir", () => {
  it("refuses a second lock while the first is held, and allows one after release", () => {
    const dir = mkdtempSync(join(tmpdir(), "sk-lock-"));
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/al in gebruik door proces/);
    lock.release();
    expect(existsSync(join(dir, "samenkracht.lock"))).toBe(false);
    lockDataDir(dir).release();
  });

  it("takes over a lock left by a process that no longer runs", () => {
    const dir = mkdtempSync(join(tmpdir(), "sk-lock-"));
    writeFileSync(join(dir, "samenkracht.lock"), "999999999");
    const lock = lockDataDir(dir);
    lock.release();
  });

  it("refuses a lock held by another live process", () => {
    const dir = mkdtempSync(join(tmpdir(), "sk-lock-"));
    writeFileSync(join(dir, "samenkracht.lock"), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  });
});
