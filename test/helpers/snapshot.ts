import { createHash } from "node:crypto";
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fromRoot } from "../../src/config/paths.js";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.js";

/*
 * PGlite test databases start from a snapshot instead of an empty cluster: initdb, the migrations
 * and the default data set take seconds per test file, loading a dump well under one. A snapshot
 * is made once (by the first test file that needs it) and kept in the temporary folder under a key
 * of everything that shapes it: the sources, migrations, data set and configuration, and the day
 * (timestamps in the data stay recent). A changed file gives a new key, so a stale one is never used.
 */

const SHAPING = ["src", "drizzle", "data", "config", "package-lock.json"];

function filesBelow(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => filesBelow(join(path, e.name)));
}

let key: string | undefined;
const snapshotKey = () => {
  if (key) return key;
  const hash = createHash("sha256").update(new Date().toISOString().slice(0, 10));
  for (const file of SHAPING.flatMap((p) => filesBelow(fromRoot(p)))) {
    hash.update(file).update(readFileSync(file));
  }
  key = hash.digest("hex").slice(0, 16);
  return key;
};

/** The dump of a memory database after `build`, from the temporary folder or made now. */
export async function snapshot(
  name: string,
  build: (handle: DatabaseHandle) => Promise<void>,
): Promise<Blob> {
  const file = join(tmpdir(), `samenkracht-test-${name}-${snapshotKey()}.tar.gz`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const handle = await openDatabase({ dataDir: "memory" });
  try {
    await build(handle);
    if (!handle.dump) throw new Error("only a PGlite memory database can be dumped");
    const blob = await handle.dump();
    // Written aside and renamed: a test file starting at the same time reads a whole one or none.
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(partial, Buffer.from(await blob.arrayBuffer()));
    renameSync(partial, file);
    return blob;
  } finally {
    await handle.close();
  }
}
