import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/executor.js";
import { resolveSession, SESSION_HOURS } from "./service.js";

export const SESSION_COOKIE = "samenkracht_sessie";

export const sessionCookieOptions = {
  httpOnly: true,
  sameSite: "lax" as const,
  // "auto": Secure when the request came in over HTTPS (directly, or via a trusted proxy).
  secure: "auto" as const,
  path: "/",
  maxAge: SESSION_HOURS * 3600,
};

/** Resolves the session cookie into request.account on every request. */
export function registerSessionHook(app: FastifyInstance, db: Db): void {
  app.decorateRequest("account", undefined);
  app.addHook("onRequest", async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token && token.length <= 200) {
      request.account = await resolveSession(db, token);
    }
  });
}
