import { Fragment } from "preact";
import type { FieldError } from "../../platform/errors.js";
import {
  ErrorSummary,
  emptyFirstSelect,
  FilterForm,
  labelledChoices,
} from "../../web/components/form.js";
import { Pagination } from "../../web/components/pagination.js";
import { DataTable, EMPTY } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import type { DirectoryEntry } from "./directory.js";
import { placementField, workAreaField } from "./fields.js";
import { KIND_LABELS, organisationHref, PLACEMENT_LABELS } from "./labels.js";
import { ORGANISATION_KINDS } from "./schema.js";
import type { directoryPage } from "./service.js";

export type DirectoryQuery = Partial<
  Record<"zoek" | "werkgebied" | "plaats" | "soort" | "wijk", string>
>;
type Directory = ReturnType<typeof directoryPage>;

function NameLinks({ entries }: { entries: readonly DirectoryEntry[] }) {
  if (entries.length === 0) return <>{EMPTY}</>;
  return (
    <>
      {entries.map((e, i) => (
        <Fragment key={e.id}>
          {i > 0 ? ", " : ""}
          <a class="nl-link" href={organisationHref(e.slug)}>
            {e.name}
          </a>
        </Fragment>
      ))}
    </>
  );
}

/** The organisation directory: filters and search, one page of results, and the work-area overview. */
export function DirectoryPage(props: {
  ctx: PageContext;
  directory: Directory;
  query: DirectoryQuery;
  canEdit: boolean;
  errors?: FieldError[];
}) {
  const d = props.directory;
  const q = props.query;
  const workAreaName = new Map(d.workAreas.map((w) => [w.code, w.name]));
  const filtered = Object.values(q).some(Boolean);
  const hrefFor = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v) params.set(k, v);
    params.set("pagina", String(page));
    return `/organisaties?${params.toString()}`;
  };
  return (
    <Layout
      ctx={props.ctx}
      title="Organisaties"
      path="/organisaties"
      heading
      intro="Partners in welzijn en ondersteuning: per werkgebied, in de sociale basisinfrastructuur die de gemeente garandeert of in het modulaire pakket dat de behoefte volgt."
    >
      <ErrorSummary errors={props.errors ?? []} />
      {props.canEdit ? (
        <p class="nl-paragraph">
          <a class="nl-link" href="/beheer/organisaties">
            Wijzigingsvoorstellen van partners beoordelen
          </a>
        </p>
      ) : null}
      <FilterForm
        action="/organisaties"
        submit="Zoeken"
        errors={props.errors}
        fields={[
          {
            name: "zoek",
            label: "Naam (ook een andere schrijfwijze)",
            type: "search",
            value: q.zoek,
          },
          workAreaField(q.werkgebied, "Alle werkgebieden", d.workAreas),
          placementField(q.plaats, "Beide", "Basis of modulair"),
          emptyFirstSelect({
            name: "soort",
            label: "Soort organisatie",
            value: q.soort ?? "",
            empty: "Alle soorten",
            choices: labelledChoices(ORGANISATION_KINDS, KIND_LABELS),
          }),
          emptyFirstSelect({
            name: "wijk",
            label: "Wijk",
            value: q.wijk ?? "",
            empty: "Alle wijken",
            choices: d.wijken.map((w) => ({ value: w.code, label: w.name })),
          }),
        ]}
      />
      {d.entries.length === 0 ? (
        <p class="nl-paragraph">
          {filtered
            ? "Geen organisatie voldoet aan deze keuze. Kies minder filters of zoek op een deel van de naam."
            : "Er zijn nog geen organisaties."}
        </p>
      ) : (
        <DataTable
          caption={`${filtered ? "Gevonden organisaties" : "Alle organisaties"} (${d.total})`}
          columns={["Naam", "Soort", "Werkgebieden"]}
          rowHeaders
          rows={d.entries.map((e) => ({
            key: e.id,
            cells: [
              <a key="naam" class="nl-link" href={organisationHref(e.slug)}>
                {e.name}
              </a>,
              KIND_LABELS[e.kind],
              e.places.length === 0
                ? EMPTY
                : e.places
                    .map(
                      (p) =>
                        `${workAreaName.get(p.workAreaCode) ?? p.workAreaCode} (${p.placement})`,
                    )
                    .join(", "),
            ],
          }))}
        />
      )}
      <Pagination page={d.page} pages={d.pages} hrefFor={hrefFor} />
      <h2 class="nl-heading nl-heading--level-2" id="per-werkgebied">
        Organisaties per werkgebied
      </h2>
      <p class="nl-paragraph">
        De indeling van de meerjarenopgave welzijn: wie de sociale basisinfrastructuur levert en wie
        in het modulaire pakket werkt. De indeling is geen volledige opsomming.
      </p>
      <DataTable
        caption="Organisaties per werkgebied"
        captionHidden
        columns={["Werkgebied", PLACEMENT_LABELS.basis, PLACEMENT_LABELS.modulair]}
        rowHeaders
        rows={d.overview.map((row) => ({
          key: row.workArea.code,
          cells: [
            row.workArea.name,
            <NameLinks key="basis" entries={row.basis} />,
            <NameLinks key="modulair" entries={row.modulair} />,
          ],
        }))}
      />
    </Layout>
  );
}
