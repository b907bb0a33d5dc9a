import type { FieldError } from "../../platform/errors.js";
import { formatAmountInput } from "../../platform/money.js";
import { NAME_MAX, TEXT_MAX } from "../../platform/schema-types.js";
import {
  ErrorSummary,
  emptyFirstSelect,
  type FieldSpec,
  FilterForm,
  FormSection,
  labelledChoices,
} from "../../web/components/form.js";
import { Pagination, type Paging } from "../../web/components/pagination.js";
import { DataTable, EMPTY } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import { organisationField, placementField, workAreaField } from "../organisations/index.js";
import { euro, StateBadge, subsidyTitle } from "./components.js";
import { INITIAL_STATES } from "./input.js";
import type { FormChoices } from "./reads.js";
import { queryOf, registerFilterFields } from "./register-views.js";
import type { ListedSubsidy, Sort, SubsidyRow } from "./repository.js";
import { FORM_LABELS, STATE_LABELS } from "./rules.js";
import { SUBSIDY_FORMS, SUBSIDY_STATES } from "./schema.js";

export type Values = Record<string, string | undefined>;

export const MANAGE_PATH = "/beheer/subsidies";
const crumbs = (extra: { href: string; label: string }[] = []) => [
  { href: MANAGE_PATH, label: "Subsidies beheren" },
  ...extra,
];

export interface ManageFilterValues {
  jaar?: string | undefined;
  status?: string | undefined;
  werkgebied?: string | undefined;
  organisatie?: string | undefined;
  sorteer?: string | undefined;
}

const SORT_LABELS: Record<Sort, string> = {
  organisatie: "Organisatie (A-Z)",
  jaar: "Jaar (nieuwste eerst)",
  bedrag: "Bedrag (hoogste eerst)",
  status: "Status",
};

export function ManageListPage(props: {
  ctx: PageContext;
  rows: ListedSubsidy[];
  paging: Paging;
  years: number[];
  choices: FormChoices;
  filter: ManageFilterValues;
  sort: Sort;
  errors: FieldError[];
}) {
  const f = props.filter;
  const sortColumn = (s: Sort) =>
    props.sort === s ? (s === "organisatie" ? "ascending" : "descending") : undefined;
  return (
    <Layout ctx={props.ctx} title="Subsidies beheren" path={MANAGE_PATH} heading>
      <p class="nl-paragraph">
        <a class="nl-link" href={`${MANAGE_PATH}/nieuw`}>
          Nieuwe subsidie invoeren
        </a>{" "}
        ·{" "}
        <a class="nl-link" href="/beheer/begroting-welzijn">
          Begroting welzijn invullen
        </a>{" "}
        ·{" "}
        <a class="nl-link" href="/subsidies">
          Openbaar subsidieregister
        </a>
      </p>
      <ErrorSummary errors={props.errors} />
      <FilterForm
        action={MANAGE_PATH}
        submit="Filteren en sorteren"
        errors={props.errors}
        fields={[
          ...registerFilterFields(f, props.years, props.choices),
          emptyFirstSelect({
            name: "status",
            label: "Status",
            value: f.status ?? "",
            empty: "Alle statussen",
            choices: labelledChoices(SUBSIDY_STATES, STATE_LABELS),
          }),
          {
            kind: "select",
            name: "sorteer",
            label: "Sorteren op",
            value: props.sort,
            options: Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label })),
          },
        ]}
      />
      {props.rows.length === 0 ? (
        <p class="nl-paragraph">Er zijn geen subsidies die hieraan voldoen.</p>
      ) : (
        <DataTable
          caption={`Subsidies (${props.paging.total})`}
          rowHeaders
          layout="reflow"
          columns={[
            { label: "Organisatie", sort: sortColumn("organisatie") },
            { label: "Jaar", sort: sortColumn("jaar") },
            "Vorm",
            { label: "Status", sort: sortColumn("status") },
            "Werkgebied",
            { label: "Bedrag", numeric: true, sort: sortColumn("bedrag") },
            { label: "Vastgesteld", numeric: true },
          ]}
          rows={props.rows.map((r) => ({
            key: r.subsidy.id,
            cells: [
              <a key="e" class="nl-link" href={`${MANAGE_PATH}/${r.subsidy.id}`}>
                {r.organisationName}
                <span class="sk-visually-hidden"> {r.subsidy.year} bewerken</span>
              </a>,
              String(r.subsidy.year),
              FORM_LABELS[r.subsidy.form],
              <StateBadge key="s" state={r.subsidy.state} />,
              r.workAreaName ?? EMPTY,
              euro(r.subsidy.amountCents),
              euro(r.subsidy.establishedCents),
            ],
          }))}
        />
      )}
      <Pagination
        page={props.paging.page}
        pages={props.paging.pages}
        hrefFor={(p) => `${MANAGE_PATH}${queryOf({ ...f }, p)}`}
      />
    </Layout>
  );
}

/** The form's values from a stored decision. */
export const valuesOf = (
  s: SubsidyRow,
  organisationSlug: string,
  workAreaCode: string | null,
): Values => ({
  organisatie: organisationSlug,
  jaar: String(s.year),
  kenmerk: s.reference ?? "",
  vorm: s.form,
  werkgebied: workAreaCode ?? "",
  plaats: s.placement ?? "",
  bedrag: formatAmountInput(s.amountCents),
  vastgesteldBedrag: s.establishedCents === null ? "" : formatAmountInput(s.establishedCents),
  vrijwilligers: s.volunteerOrMeetingPlace ? "ja" : "nee",
  opdracht: s.assignment,
  interneNotitie: s.internalNote,
});

const AMOUNT_HELP = "In euro, bijvoorbeeld 1.250,00. Hoogstens € 100.000.000,00.";

/** The fields of a decision; a new one also chooses its first state. */
export function subsidyFields(v: Values, choices: FormChoices, creating: boolean): FieldSpec[] {
  return [
    organisationField(v.organisatie, "Kies een organisatie", choices.organisations, true),
    {
      name: "jaar",
      label: "Jaar",
      type: "number",
      required: true,
      value: v.jaar,
      help: "Bijvoorbeeld 2025.",
    },
    {
      name: "kenmerk",
      label: "Kenmerk (beschikkingsnummer)",
      value: v.kenmerk,
      maxLength: NAME_MAX,
    },
    emptyFirstSelect({
      name: "vorm",
      label: "Vorm",
      required: true,
      value: v.vorm ?? "",
      empty: "Kies een vorm",
      choices: labelledChoices(SUBSIDY_FORMS, FORM_LABELS),
    }),
    ...(creating
      ? [
          {
            kind: "select" as const,
            name: "status",
            label: "Status bij invoeren",
            help: "Een aanvraag, of een bestaande beschikking die al verleend of vastgesteld is.",
            value: v.status ?? "aanvraag",
            options: labelledChoices(INITIAL_STATES, STATE_LABELS),
          },
        ]
      : []),
    workAreaField(v.werkgebied, "Geen werkgebied", choices.workAreas),
    placementField(v.plaats, "Niet bepaald", "Plaats"),
    {
      name: "bedrag",
      label: "Bedrag (gevraagd of verleend)",
      required: true,
      value: v.bedrag,
      help: AMOUNT_HELP,
    },
    {
      name: "vastgesteldBedrag",
      label: "Vastgesteld bedrag",
      value: v.vastgesteldBedrag,
      help: `Leeg tot de subsidie wordt vastgesteld. ${AMOUNT_HELP}`,
    },
    {
      kind: "select",
      name: "vrijwilligers",
      label: "Telt mee als vrijwilligersorganisatie of ontmoetingsplek",
      help: "Subsidies aan informele organisaties tellen altijd mee.",
      value: v.vrijwilligers ?? "nee",
      options: [
        { value: "nee", label: "Nee" },
        { value: "ja", label: "Ja" },
      ],
    },
    {
      kind: "textarea",
      name: "opdracht",
      label: "Opdracht",
      value: v.opdracht,
      maxLength: TEXT_MAX,
    },
    {
      kind: "textarea",
      name: "interneNotitie",
      label: "Interne notitie (niet openbaar)",
      value: v.interneNotitie,
      maxLength: TEXT_MAX,
      rows: 3,
    },
  ];
}

export function NewSubsidyPage(props: {
  ctx: PageContext;
  choices: FormChoices;
  values?: Values | undefined;
  errors?: FieldError[] | undefined;
}) {
  return (
    <Layout
      ctx={props.ctx}
      title="Nieuwe subsidie"
      breadcrumbs={crumbs([{ href: `${MANAGE_PATH}/nieuw`, label: "Nieuwe subsidie" }])}
      heading
    >
      <FormSection
        id="gegevens"
        heading="Gegevens van de subsidie"
        action={MANAGE_PATH}
        csrfToken={props.ctx.csrfToken}
        submit="Subsidie invoeren"
        fields={subsidyFields(props.values ?? {}, props.choices, true)}
        errors={props.errors}
        summary
      />
    </Layout>
  );
}

export { crumbs as manageCrumbs, subsidyTitle };
