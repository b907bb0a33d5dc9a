import { formatDateTime } from "../../i18n/nl.js";
import { BulletList } from "../../web/components/list.js";
import { DataTable, numeric } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import { StatusSummaryTable } from "../policy/index.js";
import type { Evaluation } from "./evaluation.js";
import { formatDifference } from "./format.js";
import { IndicatorName, pointText, TargetBadge } from "./indicator-cells.js";

export function EvaluationPage({
  ctx,
  e,
  generatedAt,
}: {
  ctx: PageContext;
  e: Evaluation;
  generatedAt: Date;
}) {
  const d = e.document;
  const href = `/evaluatie/${d.slug}/${e.year}`;
  return (
    <Layout
      ctx={ctx}
      title={`Evaluatie ${d.title} ${e.year}`}
      breadcrumbs={[
        { href: "/beleid", label: "Beleid" },
        { href: `/beleid/${d.slug}`, label: d.title },
        { href, label: `Evaluatie ${e.year}` },
      ]}
    >
      <h1 class="nl-heading nl-heading--level-1">
        Evaluatie {d.title}, stand {e.year}
      </h1>
      <p class="nl-paragraph">
        Per pijler: de doelen en resultaten, de indicatoren met eerste en laatste meting tot en met{" "}
        {e.year}, de verandering en de status ten opzichte van de streefwaarde, en hoe de
        activiteiten ervoor staan. Gemaakt op {formatDateTime(generatedAt)} uit Samenkracht
        {d.officialReference ? `; vindplaats van het beleidskader: ${d.officialReference}` : ""}.
      </p>
      <p class="nl-paragraph sk-noprint">
        <a class="nl-link" href={`${href}?download=ja`}>
          Download deze evaluatie als document (HTML, te openen en af te drukken in elke browser)
        </a>
      </p>
      {e.pillars.map((p) => (
        <section
          key={p.section.id}
          aria-labelledby={`pijler-${p.section.id}`}
          class="sk-evaluation-pillar sk-table-section"
        >
          <h2 class="nl-heading nl-heading--level-2" id={`pijler-${p.section.id}`}>
            Pijler {p.section.number ? `${p.section.number}. ` : ""}
            {p.section.title}
          </h2>
          <h3 class="nl-heading nl-heading--level-3">Doelen</h3>
          <BulletList items={p.goals} empty="Geen doelen." />
          <h3 class="nl-heading nl-heading--level-3">Resultaten</h3>
          <BulletList items={p.results} empty="Geen resultaten." />
          <h3 class="nl-heading nl-heading--level-3">Indicatoren</h3>
          {p.indicators.length === 0 ? (
            <p class="nl-paragraph">Geen gemeten indicatoren.</p>
          ) : (
            <DataTable
              caption={`Indicatoren van pijler ${p.section.title}`}
              captionHidden
              rowHeaders
              columns={[
                "Indicator",
                numeric("Eerste meting"),
                numeric("Laatste meting"),
                numeric("Verandering"),
                "Status",
              ]}
              rows={p.indicators.map((x) => ({
                key: x.indicator.id,
                cells: [
                  <IndicatorName key="naam" indicator={x.indicator} />,
                  pointText(x.first, x.indicator.unit),
                  pointText(x.latest, x.indicator.unit),
                  x.change ? formatDifference(x.change.absolute, x.indicator.unit) : "—",
                  <TargetBadge key="status" status={x.status} />,
                ],
              }))}
            />
          )}
          {p.unmeasured.length > 0 ? (
            <p class="nl-paragraph">Nog zonder meting: {p.unmeasured.join("; ")}.</p>
          ) : null}
          <h3 class="nl-heading nl-heading--level-3">Activiteiten</h3>
          {p.activities.some((a) => a.count > 0) ? (
            <StatusSummaryTable
              summary={p.activities}
              caption={`Activiteiten van pijler ${p.section.title} per status, ${e.year}`}
            />
          ) : (
            <p class="nl-paragraph">
              Het uitvoeringsprogramma noemt nog geen activiteiten bij deze pijler.
            </p>
          )}
        </section>
      ))}
    </Layout>
  );
}
