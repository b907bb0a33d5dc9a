import type { FieldError } from "../../platform/errors.js";
import { NOTE_MAX, STATEMENT_MAX } from "../../platform/schema-types.js";
import {
  ErrorSummary,
  emptyFirstSelect,
  type FieldSpec,
  FilterForm,
  FormSection,
  labelledChoices,
} from "../../web/components/form.js";
import { Pagination, type Paging } from "../../web/components/pagination.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import { STATE_LABELS } from "./labels.js";
import { DueTable, ReportTable } from "./partner-views.js";
import type { DueRequirement, ReportDetail, ReportListItem } from "./reads.js";
import { ReportBody, reportCrumbs, reportTitle } from "./report-view.js";
import { REPORT_STATES } from "./schema.js";

type Values = Record<string, string | undefined>;
const HOME = "/beheer/verantwoordingen";

export interface DashboardFilter {
  status?: string | undefined;
  organisatie?: string | undefined;
  jaar?: string | undefined;
}

/** /beheer/verantwoordingen: overdue and due requirements, and the reports by filter. */
export function DashboardPage(props: {
  ctx: PageContext;
  due: readonly DueRequirement[];
  /** Submitted reports, the longest waiting first. */
  waiting: readonly ReportListItem[];
  reports: readonly ReportListItem[];
  paging: Paging;
  filter: DashboardFilter;
  organisations: readonly { id: string; name: string }[];
  errors: FieldError[];
}) {
  const f = props.filter;
  const query = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) params.set(k, v);
    params.set("pagina", String(page));
    return `${HOME}?${params.toString()}`;
  };
  const overdue = props.due.filter((r) => r.stage === "verlopen");
  const soon = props.due.filter((r) => r.stage === "binnenkort");
  return (
    <Layout
      ctx={props.ctx}
      title="Verantwoordingen"
      path={HOME}
      heading
      intro="Verantwoordingen van partners over hun subsidie: wat te laat is, wat binnenkort moet en wat wacht op uw beoordeling."
    >
      <ErrorSummary errors={props.errors} />
      {overdue.length === 0 ? (
        <p class="nl-paragraph">Er zijn geen verantwoordingen te laat.</p>
      ) : (
        <DueTable due={overdue} caption={`Te laat (${overdue.length})`} />
      )}
      <DueTable due={soon} caption={`Binnen twee weken in te dienen (${soon.length})`} />
      {props.waiting.length === 0 ? (
        <p class="nl-paragraph">Er wachten geen verantwoordingen op beoordeling.</p>
      ) : (
        <ReportTable
          reports={props.waiting}
          caption={`Wacht op beoordeling (${props.waiting.length}), het langst wachtend eerst`}
          href={(r) => `${HOME}/${r.report.id}/beoordelen`}
        />
      )}
      <h2 class="nl-heading nl-heading--level-2">Alle verantwoordingen</h2>
      <FilterForm
        action={HOME}
        submit="Filteren"
        errors={props.errors}
        fields={[
          emptyFirstSelect({
            name: "status",
            label: "Status",
            value: f.status ?? "",
            empty: "Alle",
            choices: labelledChoices(REPORT_STATES, STATE_LABELS),
          }),
          emptyFirstSelect({
            name: "organisatie",
            label: "Organisatie",
            value: f.organisatie ?? "",
            empty: "Alle",
            choices: props.organisations.map((o) => ({ value: o.id, label: o.name })),
          }),
          { name: "jaar", label: "Subsidiejaar", value: f.jaar, help: "Bijvoorbeeld 2026." },
        ]}
      />
      {props.reports.length === 0 ? (
        <p class="nl-paragraph">Geen verantwoordingen met deze filters.</p>
      ) : (
        <ReportTable
          reports={props.reports}
          caption={`Verantwoordingen (${props.paging.total})`}
          href={(r) =>
            r.report.state === "ingediend"
              ? `${HOME}/${r.report.id}/beoordelen`
              : `/verantwoordingen/${r.report.id}`
          }
        />
      )}
      <Pagination page={props.paging.page} pages={props.paging.pages} hrefFor={query} />
    </Layout>
  );
}

/** /beheer/verantwoordingen/{id}/beoordelen: the report and the decision on it. */
export function ReviewPage(props: {
  ctx: PageContext;
  d: ReportDetail;
  errors?: FieldError[];
  values?: Values;
}) {
  const { d } = props;
  const r = d.report;
  const v = props.values ?? {};
  const errors = props.errors ?? [];
  const informal = r.format === "informeel";
  const fields: FieldSpec[] = [
    {
      kind: "select",
      name: "besluit",
      label: "Besluit",
      required: true,
      value: v.besluit ?? "akkoord",
      options: [
        { value: "akkoord", label: "Akkoord: vergrendelen, publiceren, waarden naar de monitor" },
        { value: "aanvulling_nodig", label: "Aanvulling nodig: terug naar de partner" },
      ],
    },
    {
      kind: "textarea",
      name: "toelichting",
      label: "Toelichting aan de partner",
      help: "Verplicht bij aanvulling nodig: schrijf wat er moet worden aangevuld.",
      maxLength: STATEMENT_MAX,
      value: v.toelichting,
      rows: 4,
    },
  ];
  if (informal)
    fields.push(
      {
        name: "voortgangsgesprekOp",
        label: "Datum van het voortgangsgesprek",
        type: "date",
        help: "Een informele verantwoording wordt in een gezamenlijk voortgangsgesprek besproken; verplicht bij akkoord.",
        value: v.voortgangsgesprekOp ?? r.progressTalkOn ?? "",
      },
      {
        kind: "textarea",
        name: "voortgangsgesprekNotities",
        label: "Verslag van het voortgangsgesprek",
        maxLength: NOTE_MAX * 2,
        value: v.voortgangsgesprekNotities ?? r.progressTalkNotes,
        rows: 5,
      },
    );
  return (
    <Layout
      ctx={props.ctx}
      title={`${reportTitle(d)} beoordelen`}
      breadcrumbs={reportCrumbs(d, true, [
        { href: `${HOME}/${r.id}/beoordelen`, label: "Beoordelen" },
      ])}
      heading
    >
      <ErrorSummary errors={errors} />
      {r.state === "ingediend" ? (
        <FormSection
          id="beoordeling"
          heading="Beoordeling"
          action={`${HOME}/${r.id}/beoordelen`}
          csrfToken={props.ctx.csrfToken}
          submit="Beoordeling opslaan"
          errors={errors}
          fields={fields}
        />
      ) : (
        <p class="nl-paragraph">
          Deze verantwoording heeft status "{STATE_LABELS[r.state]}"; alleen een ingediende
          verantwoording kan worden beoordeeld.
        </p>
      )}
      <h2 class="nl-heading nl-heading--level-2">De verantwoording</h2>
      <ReportBody d={d} />
    </Layout>
  );
}
