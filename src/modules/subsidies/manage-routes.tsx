import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TenantConfig } from "../../config/tenant.js";
import type { Db } from "../../db/executor.js";
import type { FieldError } from "../../platform/errors.js";
import { FormBody, PageQuery, RefParams } from "../../platform/schema-types.js";
import { submitAndReturn, submitForm } from "../../web/form-route.js";
import { pageContext } from "../../web/page-context.js";
import { sendPage } from "../../web/render.js";
import { actorOf, requirePermission } from "../accounts/index.js";
import { EditSubsidyPage, type Refused } from "./edit-views.js";
import {
  formAmount,
  formInteger,
  formNumber,
  LABELS,
  pageNumber,
  type SubsidyInput,
} from "./input.js";
import {
  addReportRequirement,
  addSubsidyGoal,
  addSubsidyIndicator,
  removeReportRequirement,
  removeSubsidyGoal,
  removeSubsidyIndicator,
} from "./links-service.js";
import {
  MANAGE_PATH,
  type ManageFilterValues,
  ManageListPage,
  NewSubsidyPage,
  type Values,
} from "./manage-views.js";
import {
  browseSubsidies,
  formChoices,
  resolveFilter,
  subsidyDetail,
  yearChoices,
} from "./reads.js";
import { SORTS, type Sort } from "./repository.js";
import { changeSubsidyState, createSubsidy, editSubsidy } from "./service.js";

const STAFF = { staff: true, organisationIds: [] };

/** A decision's fields as the staff form sends them, and what its own parsing refused. */
function fromForm(b: Values, creating: boolean): { input: SubsidyInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const year = b.jaar?.trim() ? formInteger(b.jaar) : undefined;
  if (b.jaar?.trim() && year === undefined)
    errors.push({ field: "jaar", message: "Jaar moet een jaartal zijn, bijvoorbeeld 2025." });
  const amount = formAmount(b.bedrag ?? "", "bedrag", LABELS.bedrag, errors);
  const established = formAmount(
    b.vastgesteldBedrag ?? "",
    "vastgesteldBedrag",
    LABELS.vastgesteldBedrag,
    errors,
    true,
  );
  return {
    input: {
      organisation: b.organisatie ?? "",
      year,
      reference: b.kenmerk ?? null,
      form: b.vorm ?? "",
      state: creating ? b.status || undefined : undefined,
      workArea: b.werkgebied || null,
      placement: b.plaats || null,
      amountCents: amount ?? undefined,
      establishedCents: established,
      volunteerOrMeetingPlace: b.vrijwilligers === "ja",
      assignment: b.opdracht ?? "",
      internalNote: b.interneNotitie ?? "",
      version: formInteger(b.versie),
    },
    errors,
  };
}

/** Staff pages of the subsidies: list, new, edit, state, goals, indicators, requirements. */
export function registerManageRoutes(app: FastifyInstance, db: Db, tenant: TenantConfig) {
  const m = tenant.municipality.code;
  const guard = { onRequest: requirePermission("subsidies.manage") };
  const form = (params?: string[]) => ({
    ...guard,
    schema: { ...(params ? { params: RefParams(...params) } : {}), body: FormBody() },
  });

  app.get<{ Querystring: ManageFilterValues & { pagina?: string } }>(
    MANAGE_PATH,
    { ...guard, schema: { querystring: PageQuery() } },
    async (request, reply) => {
      const q = request.query;
      const { filter, errors } = await resolveFilter(db, m, q);
      if (q.sorteer && !(SORTS as readonly string[]).includes(q.sorteer))
        errors.push({ field: "sorteer", message: `Sorteren kan op: ${SORTS.join(", ")}.` });
      const sort = (SORTS as readonly string[]).includes(q.sorteer ?? "")
        ? (q.sorteer as Sort)
        : "jaar";
      const result =
        errors.length > 0
          ? { rows: [], total: 0, page: 1, pages: 1 }
          : await browseSubsidies(db, m, STAFF, filter, { sort, page: pageNumber(q.pagina) });
      return sendPage(
        reply,
        <ManageListPage
          ctx={pageContext(request, reply, tenant)}
          rows={result.rows}
          paging={result}
          years={await yearChoices(db, m, false)}
          choices={await formChoices(db, m)}
          filter={q}
          sort={sort}
          errors={errors}
        />,
        errors.length > 0 ? 400 : 200,
      );
    },
  );

  app.get(`${MANAGE_PATH}/nieuw`, guard, async (request, reply) =>
    sendPage(
      reply,
      <NewSubsidyPage
        ctx={pageContext(request, reply, tenant)}
        choices={await formChoices(db, m)}
      />,
    ),
  );

  app.post<{ Body: Values }>(MANAGE_PATH, form(), async (request, reply) => {
    const { input, errors } = fromForm(request.body ?? {}, true);
    return submitForm(reply, {
      write: () => createSubsidy(db, actorOf(request), input, errors),
      done: (row) => ({ flash: "De subsidie is ingevoerd.", to: `${MANAGE_PATH}/${row.id}` }),
      refused: async (refusedErrors) => (
        <NewSubsidyPage
          ctx={pageContext(request, reply, tenant)}
          choices={await formChoices(db, m)}
          values={request.body ?? {}}
          errors={refusedErrors}
        />
      ),
    });
  });

  const editPage = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    refused?: Refused,
  ) => (
    <EditSubsidyPage
      ctx={pageContext(request, reply, tenant)}
      detail={await subsidyDetail(db, m, STAFF, request.params.id)}
      choices={await formChoices(db, m)}
      refused={refused}
    />
  );

  app.get<{ Params: { id: string } }>(
    `${MANAGE_PATH}/:id`,
    { ...guard, schema: { params: RefParams("id") } },
    async (request, reply) => sendPage(reply, await editPage(request, reply)),
  );

  app.post<{ Params: { id: string }; Body: Values }>(
    `${MANAGE_PATH}/:id`,
    form(["id"]),
    async (request, reply) => {
      const b = request.body ?? {};
      const { input, errors } = fromForm(b, false);
      return submitForm(reply, {
        write: () => editSubsidy(db, actorOf(request), request.params.id, input, errors),
        done: () => ({
          flash: "De gegevens zijn opgeslagen.",
          to: `${MANAGE_PATH}/${request.params.id}`,
        }),
        refused: (e) => editPage(request, reply, { form: "gegevens", errors: e, values: b }),
      });
    },
  );

  app.post<{ Params: { id: string }; Body: Values }>(
    `${MANAGE_PATH}/:id/status`,
    form(["id"]),
    async (request, reply) => {
      const b = request.body ?? {};
      const errors: FieldError[] = [];
      const established = b.vaststellingsbedrag?.trim()
        ? formAmount(b.vaststellingsbedrag, "vaststellingsbedrag", LABELS.vastgesteldBedrag, errors)
        : undefined;
      return submitForm(reply, {
        write: () =>
          changeSubsidyState(
            db,
            actorOf(request),
            request.params.id,
            {
              to: b.status,
              note: b.toelichting,
              establishedCents: established ?? undefined,
              version: formInteger(b.versie),
            },
            errors,
          ),
        done: () => ({
          flash: "De status is gewijzigd.",
          to: `${MANAGE_PATH}/${request.params.id}`,
        }),
        refused: (e) =>
          editPage(request, reply, {
            form: "status",
            // The service names the established amount by its field in "Gegevens"; here it is the
            // status form's own field.
            errors: e.map((x) =>
              x.field === "vastgesteldBedrag" ? { ...x, field: "vaststellingsbedrag" } : x,
            ),
            values: b,
          }),
      });
    },
  );

  /** A small form under a heading of the edit page: back to that heading with a message. */
  const linkForm = (
    path: string,
    anchor: string,
    write: (request: FastifyRequest<{ Params: { id: string }; Body: Values }>) => Promise<unknown>,
    flash: string,
  ) =>
    app.post<{ Params: { id: string }; Body: Values }>(
      `${MANAGE_PATH}/:id/${path}`,
      form(["id"]),
      async (request, reply) => {
        const back = `${MANAGE_PATH}/${request.params.id}#${anchor}`;
        return submitAndReturn(reply, {
          write: () => write(request),
          done: () => ({ flash, to: back }),
          back,
        });
      },
    );

  linkForm(
    "doelen",
    "doelen",
    (r) => addSubsidyGoal(db, actorOf(r), r.params.id, r.body?.doel),
    "Het doel is toegevoegd.",
  );
  linkForm(
    "doelen/verwijderen",
    "doelen",
    (r) => removeSubsidyGoal(db, actorOf(r), r.params.id, r.body?.doel),
    "Het doel is weggehaald.",
  );
  linkForm(
    "indicatoren",
    "indicatoren",
    (r) => {
      const errors: FieldError[] = [];
      const target = formNumber(r.body?.streefwaarde, "streefwaarde", "Streefwaarde", errors);
      return addSubsidyIndicator(
        db,
        actorOf(r),
        r.params.id,
        { indicatorId: r.body?.indicator, target },
        undefined,
        errors,
      );
    },
    "De indicator is afgesproken.",
  );
  linkForm(
    "indicatoren/verwijderen",
    "indicatoren",
    (r) => removeSubsidyIndicator(db, actorOf(r), r.params.id, r.body?.afspraak),
    "De indicator is weggehaald.",
  );
  linkForm(
    "verantwoording",
    "verantwoording",
    (r) =>
      addReportRequirement(db, actorOf(r), r.params.id, {
        kind: r.body?.soort,
        dueOn: r.body?.uiterlijk?.trim(),
        description: r.body?.omschrijving,
      }),
    "De verantwoording is gevraagd.",
  );
  linkForm(
    "verantwoording/verwijderen",
    "verantwoording",
    (r) => removeReportRequirement(db, actorOf(r), r.params.id, r.body?.eis),
    "De verantwoordingseis is weggehaald.",
  );
}
