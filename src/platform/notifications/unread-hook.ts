import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/executor.js";
import { countUnread } from "./repository.js";

declare module "fastify" {
  interface FastifyRequest {
    /** Unread messages of the logged-in user, for the header's "Meldingen (n)" (pages only). */
    unreadNotifications: number | undefined;
  }
}

/**
 * Counts the unread messages for the header of every page a logged-in user gets: one count on a
 * partial index. Not for the API, static files or visitors, which show no header or no account.
 * Register after the session hook (it reads request.account).
 */
export function registerUnreadCount(app: FastifyInstance, db: Db): void {
  app.decorateRequest("unreadNotifications", undefined);
  app.addHook("onRequest", async (request) => {
    if (!request.account || request.authMethod !== "session") return;
    if (request.url.startsWith("/api/") || request.url.startsWith("/assets/")) return;
    request.unreadNotifications = await countUnread(db, request.account.id);
  });
}
