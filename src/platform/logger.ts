import { type Logger, pino } from "pino";
import pretty from "pino-pretty";
import type { LogFormat, LogLevel } from "../config/env.js";

/**
 * JSON lines for log collectors, readable lines for a person at a terminal. The pretty stream is
 * synchronous on purpose: a worker-thread transport would print after `console` output and could
 * push the one-time beheerder password off the screen.
 */
export function createLogger(options: {
  level: LogLevel;
  format: LogFormat;
  colour?: boolean;
  destination?: NodeJS.WritableStream;
}): Logger {
  const { level, format } = options;
  if (format === "json") {
    return options.destination ? pino({ level }, options.destination) : pino({ level });
  }
  const stream = pretty({
    sync: true,
    colorize: options.colour ?? false,
    translateTime: "SYS:HH:MM:ss",
    ignore: "pid,hostname,reqId",
    singleLine: true,
    ...(options.destination ? { destination: options.destination } : {}),
  });
  return pino({ level }, stream);
}

/** `auto` (the default) means: readable on a terminal, JSON when stdout is a pipe or a file. */
export function effectiveLogFormat(
  format: LogFormat | "auto",
  stdoutIsTerminal: boolean,
): LogFormat {
  if (format !== "auto") return format;
  return stdoutIsTerminal ? "pretty" : "json";
}
