import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript launcher module (it must run before any TypeScript is built)
import { buildDecision, unsupportedNodeMessage } from "../scripts/runtime.mjs";

describe("supported Node.js versions", () => {
  it.each(["v22.12.0", "v22.23.3", "v24.0.0", "v24.21.0", "v26.1.0"])("%s runs", (version) => {
    expect(unsupportedNodeMessage(version)).toBeUndefined();
  });

  it.each(["v20.20.2", "v22.11.0", "v18.20.0"])("%s gets a clear Dutch message", (version) => {
    expect(unsupportedNodeMessage(version)).toMatch(
      new RegExp(`^Samenkracht: Node 22 of nieuwer nodig .*nu ${version}\\.`),
    );
  });
});

describe("npm start builds only when a source is newer than the build", () => {
  const project = () => {
    const root = mkdtempSync(join(tmpdir(), "sk-build-"));
    mkdirSync(join(root, "src/modules"), { recursive: true });
    mkdirSync(join(root, "dist"));
    writeFileSync(join(root, "src/modules/a.ts"), "export {};\n");
    writeFileSync(join(root, "tsconfig.json"), "{}\n");
    const past = new Date(Date.now() - 60_000);
    for (const path of ["src/modules/a.ts", "src/modules", "src", "tsconfig.json"]) {
      utimesSync(join(root, path), past, past);
    }
    return root;
  };
  const stamp = (root: string) => {
    // Built 30 s after the sources were written: clear of the file system's timestamp granularity.
    writeFileSync(join(root, "dist/.build-stamp"), "x");
    const built = new Date(Date.now() - 30_000);
    utimesSync(join(root, "dist/.build-stamp"), built, built);
  };

  it("builds when there is no build yet", () => {
    const root = project();
    expect(buildDecision(root)).toMatchObject({ build: true });
  });

  it("does not build when nothing changed after the build", () => {
    const root = project();
    stamp(root);
    expect(buildDecision(root)).toMatchObject({
      build: false,
      reason: expect.stringMatching(/actueel/),
    });
  });

  it("rebuilds after a source change, naming the file", () => {
    const root = project();
    stamp(root);
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(root, "src/modules/a.ts"), later, later);
    const decision = buildDecision(root);
    expect(decision).toMatchObject({ build: true });
    expect(decision.reason).toContain(join("src", "modules", "a.ts"));
  });

  it("rebuilds after a source file is removed (its folder changes)", () => {
    const root = project();
    stamp(root);
    rmSync(join(root, "src/modules/a.ts"));
    expect(buildDecision(root)).toMatchObject({ build: true });
  });

  it("runs a shipped build without sources, and refuses when there is neither", () => {
    const root = project();
    rmSync(join(root, "src"), { recursive: true });
    expect(buildDecision(root)).toMatchObject({ build: false, missing: true });
    stamp(root);
    expect(buildDecision(root)).toMatchObject({ build: false });
    expect(buildDecision(root).missing).toBeUndefined();
  });
});
