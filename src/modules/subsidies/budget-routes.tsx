import type { FastifyInstance } from "fastify";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db, Executor } from "../../db/executor.js";
import type { FieldError } from "../../platform/errors.js";
import { FormBody, PageQuery } from "../../platform/schema-types.js";
import { submitForm } from "../../web/form-route.js";
import { pageContext } from "../../web/page-context.js";
import { sendPage } from "../../web/render.js";
import { actorOf, hasPermission, requirePermission } from "../accounts/index.js";
import { listWorkAreas } from "../organisations/index.js";
import {
  budgetForYear,
  budgetYearChoices,
  costSeries,
  type PlanEntry,
  saveBudgetPlans,
} from "./budget-service.js";
import { BUDGET_MANAGE_PATH, BUDGET_PATH, BudgetPage, BudgetPlanPage } from "./budget-views.js";
import { budgetChart, budgetChartFormat } from "./charts.js";
import { formAmount, formInteger, YEAR_RANGE } from "./input.js";
import * as repo from "./repository.js";

type Values = Record<string, string | undefined>;

/**
 * The year a page shows: the one asked for, or by default the current year when anything is
 * entered for it, else the newest year that has anything. An unusable ?jaar= is a field error.
 */
async function chosenYear(
  db: Executor,
  municipalityCode: string,
  asked: string | undefined,
): Promise<{ year: number; errors: FieldError[] }> {
  const current = new Date().getUTCFullYear();
  if (asked !== undefined && asked !== "") {
    const year = formInteger(asked);
    if (year !== undefined && year >= YEAR_RANGE.min && year <= YEAR_RANGE.max)
      return { year, errors: [] };
    return {
      year: current,
      errors: [{ field: "jaar", message: "Jaar moet een jaartal zijn, bijvoorbeeld 2025." }],
    };
  }
  const withData = new Set([
    ...(await repo.budgetYears(db, municipalityCode)),
    ...(await repo.subsidyYears(db, municipalityCode, true)),
  ]);
  if (withData.has(current) || withData.size === 0) return { year: current, errors: [] };
  return { year: Math.max(...withData), errors: [] };
}

// Charts are separate SVG images (as in monitoring): ECharts writes inline styles, which the pages'
// CSP forbids; an image document runs no script, so allowing its styles there is safe.
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** The welfare budget: public page and chart, staff form for the planned amounts. */
export function registerBudgetRoutes(app: FastifyInstance, db: Db, tenant: TenantConfig) {
  const m = tenant.municipality.code;
  const guard = { onRequest: requirePermission("subsidies.manage") };

  app.get<{ Querystring: { jaar?: string } }>(
    BUDGET_PATH,
    { schema: { querystring: PageQuery() } },
    async (request, reply) => {
      const { year, errors } = await chosenYear(db, m, request.query.jaar);
      return sendPage(
        reply,
        <BudgetPage
          ctx={pageContext(request, reply, tenant)}
          budget={await budgetForYear(db, m, year)}
          years={await budgetYearChoices(db, m)}
          costs={await costSeries(db, m, tenant.privacyThreshold)}
          canEdit={hasPermission(request.account?.roles ?? [], "subsidies.manage")}
          errors={errors}
        />,
        errors.length > 0 ? 400 : 200,
      );
    },
  );

  app.get<{ Querystring: { jaar?: string; formaat?: string } }>(
    `${BUDGET_PATH}/grafiek.svg`,
    { schema: { querystring: PageQuery() } },
    async (request, reply) => {
      const { year } = await chosenYear(db, m, request.query.jaar);
      const { overview } = await budgetForYear(db, m, year);
      const { svg } = budgetChart(overview.lines, budgetChartFormat(request.query.formaat));
      return reply
        .type("image/svg+xml; charset=utf-8")
        .header("Content-Security-Policy", SVG_CSP)
        .header("Cache-Control", "public, max-age=300")
        .send(svg);
    },
  );

  app.get<{ Querystring: { jaar?: string } }>(
    BUDGET_MANAGE_PATH,
    { ...guard, schema: { querystring: PageQuery() } },
    async (request, reply) => {
      const { year, errors } = await chosenYear(db, m, request.query.jaar);
      return sendPage(
        reply,
        <BudgetPlanPage
          ctx={pageContext(request, reply, tenant)}
          budget={await budgetForYear(db, m, year)}
          years={await budgetYearChoices(db, m)}
          errors={errors}
        />,
        errors.length > 0 ? 400 : 200,
      );
    },
  );

  app.post<{ Body: Values }>(
    BUDGET_MANAGE_PATH,
    { ...guard, schema: { body: FormBody() } },
    async (request, reply) => {
      const b = request.body ?? {};
      const year = formInteger(b.jaar);
      const errors: FieldError[] = [];
      const entries: PlanEntry[] = [];
      const areas = await listWorkAreas(db, m);
      for (const [key, text] of Object.entries(b)) {
        if (!key.startsWith("gepland-")) continue;
        const workAreaId = key.slice("gepland-".length);
        // The message names the work area: "Gepland bedrag Ontmoeten mag niet negatief zijn."
        const name = areas.find((a) => a.id === workAreaId)?.name ?? "";
        const cents = formAmount(text ?? "", key, `Gepland bedrag ${name}`.trim(), errors, true);
        if (cents !== undefined)
          entries.push({
            workAreaId,
            plannedCents: cents,
            version: formInteger(b[`versie-${workAreaId}`]),
          });
      }
      return submitForm(reply, {
        write: () => saveBudgetPlans(db, actorOf(request), year, entries, errors),
        done: (r) => ({
          flash:
            r.changed === 0
              ? "Er was niets gewijzigd."
              : `De begroting ${year} is opgeslagen (${r.changed} ${r.changed === 1 ? "bedrag" : "bedragen"} gewijzigd).`,
          to: `${BUDGET_PATH}?jaar=${year}`,
        }),
        refused: async (e) => (
          <BudgetPlanPage
            ctx={pageContext(request, reply, tenant)}
            budget={await budgetForYear(db, m, year ?? new Date().getUTCFullYear())}
            years={await budgetYearChoices(db, m)}
            errors={e}
            values={b}
          />
        ),
      });
    },
  );
}
