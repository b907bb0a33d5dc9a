import { formatDateTime, nl } from "../../i18n/nl.js";
import type { FieldError } from "../../platform/errors.js";
import { ErrorSummary, FilterForm } from "../../web/components/form.js";
import { Pagination, type Paging } from "../../web/components/pagination.js";
import { ScrollRegion } from "../../web/components/scroll-region.js";
import { DataTable } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import type { AuditEntry } from "./repository.js";
import { AUDIT_ACTIONS } from "./schema.js";

export interface AuditFilterValues {
  soort?: string | undefined;
  gebruiker?: string | undefined;
  handeling?: string | undefined;
  van?: string | undefined;
  tot?: string | undefined;
}

const json = (value: unknown) =>
  value === null || value === undefined ? "—" : JSON.stringify(value, null, 2);

/** A filter's choices, after "all" (no filter). */
const orAll = (options: { value: string; label: string }[]) => [
  { value: "", label: nl.audit.all },
  ...options,
];

export function AuditPage(props: {
  ctx: PageContext;
  entries: AuditEntry[];
  paging: Paging;
  entityTypes: string[];
  filter: AuditFilterValues;
  errors: FieldError[];
}) {
  const f = props.filter;
  const query = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) params.set(k, v);
    params.set("pagina", String(page));
    return `/beheer/audit?${params.toString()}`;
  };
  return (
    <Layout
      ctx={props.ctx}
      title={nl.audit.title}
      path="/beheer/audit"
      heading
      intro={nl.audit.intro}
    >
      <ErrorSummary errors={props.errors} />
      <FilterForm
        action="/beheer/audit"
        submit={nl.audit.filter}
        errors={props.errors}
        fields={[
          {
            kind: "select",
            name: "soort",
            label: nl.audit.filterEntity,
            value: f.soort ?? "",
            options: orAll(props.entityTypes.map((t) => ({ value: t, label: t }))),
          },
          {
            kind: "select",
            name: "handeling",
            label: nl.audit.action,
            value: f.handeling ?? "",
            options: orAll(AUDIT_ACTIONS.map((a) => ({ value: a, label: nl.audit.actions[a] }))),
          },
          { name: "gebruiker", label: nl.audit.filterActor, value: f.gebruiker },
          { name: "van", label: nl.audit.filterFrom, type: "date", value: f.van },
          { name: "tot", label: nl.audit.filterTo, type: "date", value: f.tot },
        ]}
      />
      {props.entries.length === 0 ? (
        <p class="nl-paragraph">{nl.audit.empty}</p>
      ) : (
        <DataTable
          caption={`${nl.audit.title} (${props.paging.total})`}
          columns={[
            nl.audit.when,
            nl.audit.who,
            nl.audit.action,
            nl.audit.entity,
            nl.audit.summary,
          ]}
          rows={props.entries.map((e) => ({
            key: e.id,
            cells: [
              formatDateTime(e.occurredAt),
              e.actorName,
              nl.audit.actions[e.action],
              // The summary names the record by its title; its internal id is only for the details.
              e.entityType,
              <>
                {e.summary}
                {e.before !== null || e.after !== null ? (
                  <details>
                    <summary>{nl.audit.details}</summary>
                    <p class="nl-paragraph sk-source">
                      {nl.audit.recordId}: <code>{e.entityId}</code>
                    </p>
                    <h3 class="nl-heading nl-heading--level-4">{nl.audit.before}</h3>
                    <ScrollRegion label={`${nl.audit.before}: ${e.summary}`}>
                      <pre class="sk-json">{json(e.before)}</pre>
                    </ScrollRegion>
                    <h3 class="nl-heading nl-heading--level-4">{nl.audit.after}</h3>
                    <ScrollRegion label={`${nl.audit.after}: ${e.summary}`}>
                      <pre class="sk-json">{json(e.after)}</pre>
                    </ScrollRegion>
                  </details>
                ) : null}
              </>,
            ],
          }))}
        />
      )}
      <Pagination page={props.paging.page} pages={props.paging.pages} hrefFor={query} />
    </Layout>
  );
}
