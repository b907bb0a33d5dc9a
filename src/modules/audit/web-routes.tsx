import type { FastifyInstance, onRequestAsyncHookHandler } from "fastify";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import type { FieldError } from "../../platform/errors.js";
import { PageQuery } from "../../platform/schema-types.js";
import { pageContext } from "../../web/page-context.js";
import { sendPage } from "../../web/render.js";
import { distinctEntityTypes } from "./repository.js";
import { AUDIT_ACTIONS, type AuditAction } from "./schema.js";
import { browseAudit } from "./service.js";
import { type AuditFilterValues, AuditPage } from "./views.js";

const DATE = /^(19|20)\d{2}-\d{2}-\d{2}$/;

function parseDate(
  value: string | undefined,
  field: string,
  errors: FieldError[],
  addDays = 0,
): Date | undefined {
  if (!value) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  if (!DATE.test(value) || Number.isNaN(date.getTime())) {
    errors.push({ field, message: `"${value}" is geen geldige datum (JJJJ-MM-DD).` });
    return undefined;
  }
  date.setUTCDate(date.getUTCDate() + addDays);
  return date;
}

/** The audit page; the caller passes the permission guard so this module does not depend on accounts. */
export function registerAuditWebRoutes(
  app: FastifyInstance,
  db: Db,
  tenant: TenantConfig,
  guard: onRequestAsyncHookHandler,
) {
  app.get<{ Querystring: AuditFilterValues & { pagina?: string } }>(
    "/beheer/audit",
    { onRequest: guard, schema: { querystring: PageQuery() } },
    async (request, reply) => {
      const q = request.query;
      const errors: FieldError[] = [];
      const from = parseDate(q.van, "van", errors);
      const until = parseDate(q.tot, "tot", errors, 1);
      if (q.handeling && !(AUDIT_ACTIONS as readonly string[]).includes(q.handeling)) {
        errors.push({ field: "handeling", message: "Kies een bestaande handeling." });
      }
      const page = Number.parseInt(q.pagina ?? "1", 10);
      const result =
        errors.length > 0
          ? { rows: [], total: 0, page: 1, pages: 1 }
          : await browseAudit(
              db,
              {
                municipalityCode: tenant.municipality.code,
                entityType: q.soort || undefined,
                actorName: q.gebruiker?.trim() || undefined,
                action: (q.handeling || undefined) as AuditAction | undefined,
                from,
                until,
              },
              page >= 1 && page <= 100_000 ? page : 1,
            );
      return sendPage(
        reply,
        <AuditPage
          ctx={pageContext(request, reply, tenant)}
          entries={result.rows}
          paging={result}
          entityTypes={await distinctEntityTypes(db, tenant.municipality.code)}
          filter={q}
          errors={errors}
        />,
        errors.length > 0 ? 400 : 200,
      );
    },
  );
}
