// `npm start`: check the Node.js version, build only when a source is newer than the build, run.
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildDecision, runBuild, unsupportedNodeMessage } from "./runtime.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tooOld = unsupportedNodeMessage(process.version);
if (tooOld) {
  console.error(tooOld);
  process.exit(1);
}

const decision = buildDecision(root);
if (decision.missing) {
  console.error(`Samenkracht kan niet starten: ${decision.reason}`);
  process.exit(1);
}
if (decision.build) {
  const started = Date.now();
  if (!runBuild(root)) {
    console.error("Samenkracht kan niet starten: de TypeScript-build is mislukt (zie hierboven).");
    process.exit(1);
  }
  decision.reason += ` Gebouwd in ${((Date.now() - started) / 1000).toFixed(1)} s.`;
}
// main.js logs this in its own format (readable or JSON), as the first line of the run.
process.env.SAMENKRACHT_BUILD = decision.reason;
await import(pathToFileURL(join(root, "dist/src/main.js")).href);
