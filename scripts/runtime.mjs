// Plain JavaScript on purpose: this runs before the TypeScript build exists, and must still give a
// readable message on a Node.js that is too old to run the application.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";

/** The oldest supported release: Node 22 LTS from 22.12 (cookie@2 and others need 22). */
export const MINIMUM_NODE = [22, 12];

/** A Dutch message for an unsupported Node.js version, or undefined when it is supported. */
export function unsupportedNodeMessage(version) {
  const [major = 0, minor = 0] = version.replace(/^v/, "").split(".").map(Number);
  const [minMajor, minMinor] = MINIMUM_NODE;
  if (major > minMajor || (major === minMajor && minor >= minMinor)) return undefined;
  return [
    `Samenkracht: Node ${minMajor} of nieuwer nodig (minstens ${minMajor}.${minMinor}), nu ${version}.`,
    "Ondersteund zijn Node 22 LTS en Node 24 LTS; zie README.md, kopje 'Starten'.",
  ].join("\n");
}

export const BUILD_STAMP = "dist/.build-stamp";

/** What the TypeScript build reads: a change to any of these makes the build stale. */
export const BUILD_INPUTS = ["src", "tsconfig.json", "tsconfig.build.json", "package-lock.json"];

/** The newest file or folder under `path` (a folder's time changes when a file is added or removed). */
function newest(root, path) {
  const stats = statSync(join(root, path), { throwIfNoEntry: false });
  if (!stats) return undefined;
  let found = { path, time: stats.mtimeMs };
  if (stats.isDirectory()) {
    for (const entry of readdirSync(join(root, path))) {
      const inner = newest(root, join(path, entry));
      if (inner && inner.time > found.time) found = inner;
    }
  }
  return found;
}

/**
 * Decides whether `npm start` must run the TypeScript build first. The build writes `stamp` last,
 * so an interrupted build is never taken for a finished one.
 */
export function buildDecision(root, stamp = BUILD_STAMP) {
  const built = statSync(join(root, stamp), { throwIfNoEntry: false });
  const hasSources = statSync(join(root, "src"), { throwIfNoEntry: false }) !== undefined;
  if (!hasSources) {
    return built
      ? { build: false, reason: "Geen broncode, de meegeleverde build in dist/ wordt gestart." }
      : { build: false, missing: true, reason: "Geen broncode en geen build in dist/." };
  }
  if (!built) return { build: true, reason: "Nog geen build in dist/: bouwen." };
  let source;
  for (const input of BUILD_INPUTS) {
    const candidate = newest(root, input);
    if (candidate && (!source || candidate.time > source.time)) source = candidate;
  }
  if (source && source.time > built.mtimeMs) {
    const name = relative(root, join(root, source.path));
    return { build: true, reason: `${name} is nieuwer dan de build: opnieuw bouwen.` };
  }
  return { build: false, reason: "De build in dist/ is actueel: niet opnieuw gebouwd." };
}

/** Runs the TypeScript build (incremental) and writes the stamp; returns false when tsc failed. */
export function runBuild(root) {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) return false;
  writeFileSync(join(root, BUILD_STAMP), `${new Date().toISOString()}\n`);
  return true;
}
