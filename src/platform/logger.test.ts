import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, effectiveLogFormat } from "./logger.js";

function capture() {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (chunk) => {
    text += chunk;
  });
  return { stream, text: () => text };
}

describe("logger", () => {
  it("is readable on a terminal and JSON in a pipe unless LOG_FORMAT says otherwise", () => {
    expect(effectiveLogFormat("auto", true)).toBe("pretty");
    expect(effectiveLogFormat("auto", false)).toBe("json");
    expect(effectiveLogFormat("json", true)).toBe("json");
    expect(effectiveLogFormat("pretty", false)).toBe("pretty");
  });

  it("writes one readable line per message, synchronously", () => {
    const out = capture();
    const log = createLogger({ level: "info", format: "pretty", destination: out.stream });
    log.info({ poort: 3000 }, "Samenkracht draait");
    log.debug("niet zichtbaar op info");
    // Synchronous: the line is there before the next statement, not after a worker thread's tick.
    expect(out.text()).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: Samenkracht draait \{"poort":3000\}\n$/);
  });

  it("writes JSON lines for log collectors", async () => {
    const out = capture();
    const log = createLogger({ level: "debug", format: "json", destination: out.stream });
    log.debug({ statusCode: 200 }, "verzoek afgehandeld");
    await new Promise((r) => setImmediate(r));
    const line = JSON.parse(out.text());
    expect(line).toMatchObject({ level: 20, msg: "verzoek afgehandeld", statusCode: 200 });
  });
});
