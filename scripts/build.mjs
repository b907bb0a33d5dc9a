// `npm run build`: the TypeScript build plus the stamp that tells `npm start` the build is current.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runBuild, unsupportedNodeMessage } from "./runtime.mjs";

const tooOld = unsupportedNodeMessage(process.version);
if (tooOld) {
  console.error(tooOld);
  process.exit(1);
}
if (!runBuild(join(dirname(fileURLToPath(import.meta.url)), ".."))) process.exit(1);
