import type { FastifyInstance } from "fastify";
import type { TenantConfig } from "../config/tenant.js";
import type { Db } from "../db/executor.js";
import { nl } from "../i18n/nl.js";
import { hasPermission } from "../modules/accounts/index.js";
import { listAreaSummaries } from "../modules/areas/index.js";
import { listDocuments } from "../modules/policy/index.js";
import { HomePage } from "./home.js";
import { councilLinks } from "./home-links.js";
import { pageContext } from "./page-context.js";
import { sendPage } from "./render.js";

/**
 * The home page. Its "uw wijk" form is a GET to this page (`?wijk=WK…`), answered with a redirect to
 * the wijk's own page, so choosing a wijk works without a script.
 */
export function registerHomeRoute(app: FastifyInstance, db: Db, tenant: TenantConfig) {
  const m = tenant.municipality.code;
  app.get<{ Querystring: { wijk?: string } }>("/", async (request, reply) => {
    const areas = await listAreaSummaries(db, m);
    const asked = request.query.wijk;
    let wijkError: { value: string; error: string } | undefined;
    if (asked !== undefined) {
      const code = String(asked).trim().toUpperCase();
      const wijk = areas.find((a) => a.level === "wijk" && a.code === code);
      if (wijk) return reply.redirect(`/gebieden/${encodeURIComponent(wijk.code)}`, 303);
      wijkError = { value: String(asked).slice(0, 40), error: nl.home.residents.wijkUnknown };
    }
    const roles = request.account?.roles ?? [];
    return sendPage(
      reply,
      <HomePage
        ctx={pageContext(request, reply, tenant)}
        areas={areas}
        council={councilLinks(await listDocuments(db, m), new Date())}
        canImport={hasPermission(roles, "monitoring.edit")}
        wijk={wijkError}
      />,
      wijkError ? 400 : 200,
    );
  });
}
