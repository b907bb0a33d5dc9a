import type { FastifyInstance } from "fastify";
import type { Db } from "../db/executor.js";
import { nl } from "../i18n/nl.js";
import { AppError, unauthorized } from "./errors.js";
import { PUBLIC_WRITE_ROUTES, type PublicWrite, routeKey } from "./public-writes.js";
import { countRequest, deleteCountersBefore } from "./throttle/repository.js";
import { currentWindow } from "./throttle/window.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Set from PUBLIC_WRITE_ROUTES: this write answers without a login. */
    publicWrite?: PublicWrite;
    /** Longest single text in the body, where a route needs more than the input boundary's default. */
    maxBodyText?: number;
    /**
     * The route parses multipart/form-data itself (a file upload, after its guard) and checks the
     * CSRF token once the fields are read: the global check runs before multipart fields exist.
     */
    multipartForm?: boolean;
  }
}

export const WRITE_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Default request body limit: forms and JSON edits fit easily; imports raise it per route. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;
/** For CSV imports of measurements (tens of thousands of rows), only after authorisation. */
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

const hasGuard = (hook: unknown): boolean =>
  Array.isArray(hook) ? hook.length > 0 : typeof hook === "function";

/**
 * Authorisation before the body: every write route either has an onRequest guard (403 for a
 * wrong role) or is listed in PUBLIC_WRITE_ROUTES; a route with neither stops the start. An
 * anonymous write to a guarded route gets 401 here, before parsing, whatever its body or size.
 * Must be registered after the session hook and before any route.
 */
export function registerAccessRules(app: FastifyInstance, db: Db): void {
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (!WRITE_METHODS.has(method)) continue;
      const publicWrite = PUBLIC_WRITE_ROUTES[routeKey(method, route.url)];
      if (publicWrite) {
        route.config = { ...route.config, publicWrite };
        route.bodyLimit = Math.min(route.bodyLimit ?? publicWrite.bodyLimit, publicWrite.bodyLimit);
      } else if (!hasGuard(route.onRequest)) {
        throw new Error(
          `Schrijfroute ${method} ${route.url} heeft geen autorisatie: geef haar een onRequest-guard ` +
            "(requirePermission) of zet haar in PUBLIC_WRITE_ROUTES (src/platform/public-writes.ts).",
        );
      }
    }
  });

  app.addHook("onRequest", async (request) => {
    if (!WRITE_METHODS.has(request.method)) return;
    const publicWrite = request.routeOptions.config.publicWrite;
    if (!publicWrite) {
      if (!request.account) throw unauthorized();
      return;
    }
    const { max, windowSeconds } = publicWrite.rateLimit;
    const now = Date.now();
    const window = currentWindow(now, windowSeconds);
    const key = `${routeKey(request.method, request.routeOptions.url ?? request.url)} ${request.ip}`;
    const count = await countRequest(db, key, window.start);
    // Old windows are cleaned up by the first request of a new window, not by a timer per process.
    if (count === 1) await deleteCountersBefore(db, new Date(now - 2 * windowSeconds * 1000));
    if (count > max) {
      const seconds = window.retryAfterSeconds;
      throw new AppError(429, nl.errors[429].title, nl.errors[429].retryIn(seconds), [], {
        "Retry-After": String(seconds),
      });
    }
  });
}
