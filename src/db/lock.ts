import { randomUUID } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  utimesSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `De database in ${dataDir} is al in gebruik door proces ${pid}. ` +
        "PGlite kan maar door één proces tegelijk geopend worden: stop dat proces eerst, " +
        "of kies met DATA_DIR een andere map.",
    );
    this.name = "DataDirLockedError";
  }
}

export interface DataDirLock {
  release(): void;
}

/** What a lock file says about its holder. Only `pid` is known for the old format (a bare pid). */
interface Holder {
  pid: number;
  /** Start time of the process in clock ticks since boot (/proc/<pid>/stat field 22). */
  start?: string;
  boot?: string;
  host?: string;
}

/**
 * A holder on another host (another container sharing the volume, or another machine) cannot be
 * checked through /proc or kill(), so it proves it is alive by touching the lock file. A lock not
 * touched for STALE_AFTER_MS is taken over; the margin covers an event loop blocked for a while.
 */
const HEARTBEAT_MS = 5_000;
const STALE_AFTER_MS = 30_000;

/** Lock files this process holds: the pid check alone cannot tell them from a previous life's. */
const held = new Set<string>();

const hasProc = existsSync("/proc/self/stat");

function readOptional(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return undefined;
  }
}

/**
 * When the process with this pid started, or undefined when there is no such (living) process.
 * Two processes with the same pid never share a start time, so this tells a reused pid apart.
 */
export function startIdentity(pid: number): string | undefined {
  const stat = readOptional(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // A zombie or dying process has not been reaped yet but will never touch the database again.
  if (fields[0] === "Z" || fields[0] === "X") return undefined;
  return fields[19];
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function ownRecord(): Holder {
  return {
    pid: process.pid,
    start: hasProc ? startIdentity(process.pid) : undefined,
    boot: hasProc ? readOptional("/proc/sys/kernel/random/boot_id") : undefined,
    host: hostname(),
  };
}

function parseHolder(text: string): Holder | undefined {
  if (/^\d+$/.test(text)) return { pid: Number(text) };
  try {
    const value = JSON.parse(text) as Partial<Record<keyof Holder, unknown>>;
    if (!Number.isSafeInteger(value.pid) || (value.pid as number) <= 0) return undefined;
    const str = (v: unknown) => (typeof v === "string" ? v : undefined);
    return {
      pid: value.pid as number,
      start: str(value.start),
      boot: str(value.boot),
      host: str(value.host),
    };
  } catch {
    return undefined;
  }
}

/**
 * Whether the recorded holder may still be using the database; when in doubt, it is. The host name
 * tells whether its processes are ours to see: Docker and Kubernetes give every container its own,
 * keep it over a restart of the same container, and two containers sharing a data volume therefore
 * do not mistake each other's pid 1 for their own.
 */
function holderIsLive(holder: Holder, touchedAt: number): boolean {
  if (holder.host !== undefined && holder.host !== hostname()) {
    return Date.now() - touchedAt < STALE_AFTER_MS;
  }
  // Not us (see `held`), so a process that ran earlier with our pid: after `kill -9` a container's
  // server is pid 1 again on every restart.
  if (holder.pid === process.pid) return false;
  if (!hasProc) return isAlive(holder.pid);
  const boot = readOptional("/proc/sys/kernel/random/boot_id");
  if (holder.boot !== undefined && boot !== undefined && holder.boot !== boot) return false;
  const start = startIdentity(holder.pid);
  if (start === undefined) return false;
  // The old format has no start time: a living process with that pid might be the holder.
  return holder.start === undefined || holder.start === start;
}

/** How filesystems without hard links refuse one; there the lock is created with `wx` instead. */
const NO_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EINVAL", "EXDEV"]);

/** Creates `file` with `text` unless it exists; readers see either no file or all of the text. */
function createExclusive(file: string, text: string): boolean {
  const tmp = `${file}.${randomUUID()}.tmp`;
  try {
    writeDurably(tmp, text, "wx");
    try {
      linkSync(tmp, file);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "";
      if (code === "EEXIST") return false;
      if (!NO_LINKS.has(code)) throw error;
    }
    try {
      writeDurably(file, text, "wx");
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw error;
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}

function writeDurably(file: string, text: string, flag: string): void {
  const fd = openSync(file, flag);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes a lock judged stale, unless it changed since. Only one starter at a time may do so: it
 * holds a second, short-lived lock file while it looks again and deletes. Without that, a starter
 * that judged the old lock stale could delete the fresh lock another starter has just taken, and
 * both would win.
 */
function removeStale(file: string, seen: { ino: number; text: string }): void {
  const guard = `${file}.overname`;
  if (!createExclusive(guard, JSON.stringify(ownRecord()))) {
    clearStaleGuard(guard);
    // Someone else is taking over: what they leave behind is judged in the next round.
    pause(20);
    return;
  }
  try {
    if (
      statSync(file, { throwIfNoEntry: false })?.ino === seen.ino &&
      readOptional(file) === seen.text
    ) {
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(guard, { force: true });
  }
}

/** A takeover takes milliseconds: a guard whose writer is gone, or that is old, was left by a crash. */
function clearStaleGuard(guard: string): void {
  const stat = statSync(guard, { throwIfNoEntry: false });
  if (!stat) return;
  const holder = parseHolder(readOptional(guard) ?? "");
  if (Date.now() - stat.mtimeMs < 10_000 && (!holder || holderIsLive(holder, stat.mtimeMs))) return;
  if (statSync(guard, { throwIfNoEntry: false })?.ino === stat.ino) rmSync(guard, { force: true });
}

/** One name per folder, so the same folder reached through a symlink is still recognised as held. */
function canonical(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return resolve(dir);
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Takes an exclusive lock on a PGlite data folder: PGlite has no lock of its own and two processes
 * on one folder corrupt it. The lock file names the holder by pid and start time, so a lock left by
 * a process that is gone (`kill -9`, a container restarted as pid 1 again, a reused pid) is taken
 * over, and a living holder never loses it.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = join(canonical(dataDir), "samenkracht.lock");
  if (held.has(file)) throw new DataDirLockedError(dataDir, process.pid);
  const text = JSON.stringify(ownRecord());
  // Each round either decides or waits briefly for another starter's takeover.
  for (let attempt = 0; attempt < 100; attempt++) {
    if (createExclusive(file, text)) return holdLock(file, text);
    let seen: { ino: number; text: string; touchedAt: number };
    try {
      const stat = statSync(file);
      seen = { ino: stat.ino, text: readFileSync(file, "utf8").trim(), touchedAt: stat.mtimeMs };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    const holder = parseHolder(seen.text);
    if (!holder) {
      // Without hard links a starter writes its lock just after creating it: give it a moment
      // before treating the content as garbage (a crash can leave an empty file behind).
      pause(100);
      if (readOptional(file) !== seen.text) continue;
    }
    if (holder && holderIsLive(holder, seen.touchedAt)) {
      throw new DataDirLockedError(dataDir, holder.pid);
    }
    removeStale(file, seen);
  }
  throw new Error(`Kon het slot op ${dataDir} niet nemen.`);
}

function holdLock(file: string, text: string): DataDirLock {
  held.add(file);
  const heartbeat = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(file, now, now);
    } catch {
      // Gone or unwritable: the next starter decides on what it finds.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      held.delete(file);
      // Only our own lock: if ours was taken over, the file is someone else's now.
      if (readOptional(file) === text) rmSync(file, { force: true });
    },
  };
}
