import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import { SourceText, StatusBadge, StatusSummaryTable } from "./components.js";
import { crumbs, docHref } from "./document-links.js";
import type * as repo from "./repository.js";
import type { ACTIVITY_STATUSES } from "./schema.js";

type ReportRow = {
  activity: repo.ActivityRow;
  year: repo.ActivityYearRow;
  section: repo.SectionRow;
};

export function AnnualReportPage(props: {
  ctx: PageContext;
  report: repo.DocumentRow;
  budget: repo.DocumentRow | undefined;
  goals: repo.GoalRow[];
  rows: ReportRow[];
  summary: { status: (typeof ACTIVITY_STATUSES)[number]; count: number }[];
}) {
  const r = props.report;
  return (
    <Layout
      ctx={props.ctx}
      title={`Jaarverslag ${r.firstYear}`}
      breadcrumbs={crumbs(r, [{ href: `${docHref(r)}/jaarverslag`, label: "Jaarverslag" }])}
    >
      <h1 class="nl-heading nl-heading--level-1">
        Jaarverslag {r.firstYear}: {r.title.split(": ")[1] ?? r.title}
      </h1>
      {props.budget ? (
        <p class="nl-paragraph">
          Verantwoording over{" "}
          <a class="nl-link" href={docHref(props.budget)}>
            {props.budget.title}
          </a>
          .
        </p>
      ) : null}
      {props.goals.length > 0 ? (
        <ul>
          {props.goals.map((g) => (
            <li key={g.id}>
              Doel {g.number}: {g.text}
            </li>
          ))}
        </ul>
      ) : null}
      <StatusSummaryTable
        summary={props.summary}
        caption={`Samenvatting: ${props.rows.length} activiteiten per status`}
      />
      <p class="nl-paragraph">
        Kleur van de status volgt de legenda van de jaarstukken: groen gerealiseerd, geel deels of
        in uitvoering, rood niet (op tijd) uitgevoerd, blauw extra; de tekst zegt het altijd ook.
      </p>
      {props.rows.map((row, i) => (
        <section key={row.activity.id} class="sk-report-row" aria-labelledby={`act-${i}`}>
          <div>
            <h2 class="nl-heading nl-heading--level-3" id={`act-${i}`}>
              {i + 1}. Wat wilden we daarvoor doen?
            </h2>
            <SourceText text={row.year.plannedText} />
            <p class="nl-paragraph sk-source">Programma {row.section.title}</p>
          </div>
          <div>
            <h3 class="nl-heading nl-heading--level-3">Wat hebben we daarvoor gedaan?</h3>
            <p class="nl-paragraph">
              <StatusBadge status={row.year.status} />
              {row.year.elsewhere ? ` Ondergebracht in: ${row.year.elsewhere}.` : ""}
            </p>
            <SourceText text={row.year.realisationText ?? ""} />
            <p class="nl-paragraph">
              <a class="nl-link" href={`/activiteiten/${row.activity.id}`}>
                Details en statusgeschiedenis
                <span class="sk-visually-hidden"> van activiteit {i + 1}</span>
              </a>
            </p>
          </div>
        </section>
      ))}
    </Layout>
  );
}
