import { Writable } from "node:stream";
import type { FastifyBaseLogger } from "fastify";
import { createLogger } from "../../src/platform/logger.js";

/** A JSON logger whose lines a test can read back (each line parsed). */
export function capturedLogger(): {
  log: FastifyBaseLogger;
  lines: Record<string, unknown>[];
  text(): string;
} {
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      raw.push(String(chunk));
      done();
    },
  });
  const log = createLogger({ level: "debug", format: "json", destination });
  return {
    log,
    get lines() {
      return raw.flatMap((chunk) => chunk.split("\n").filter(Boolean)).map((l) => JSON.parse(l));
    },
    text: () => raw.join(""),
  };
}
