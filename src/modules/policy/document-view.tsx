import { formatDateTime } from "../../i18n/nl.js";
import { CsrfField, FilterForm } from "../../web/components/form.js";
import { Definition, LinkList } from "../../web/components/list.js";
import { SourceRef } from "../../web/components/source-ref.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import { kindLabel, SourceText, StatusSummaryTable } from "./components.js";
import { crumbs, docHref, period } from "./document-links.js";
import { GoalItem, SectionBlock } from "./document-tree.js";
import { ManageForms } from "./manage-forms.js";
import type * as repo from "./repository.js";
import type { DocumentTree } from "./service.js";

const docLink = (d: repo.DocumentRow) => ({ href: docHref(d), label: d.title });

export function DocumentPage({
  ctx,
  tree,
  annualReports,
  versions,
  canEdit,
  others,
}: {
  ctx: PageContext;
  tree: DocumentTree;
  annualReports: repo.DocumentRow[];
  versions: { version: number; publishedAt: Date }[];
  canEdit: boolean;
  /** The municipality's other documents, for the succession links. */
  others: repo.DocumentRow[];
}) {
  const succeeds = others.find((o) => o.id === tree.document.succeedsId);
  const succeededBy = others.filter((o) => o.succeedsId === tree.document.id);
  const d = tree.document;
  const activityCount = tree.summary.reduce((s, r) => s + r.count, 0);
  return (
    <Layout ctx={ctx} title={d.title} breadcrumbs={crumbs(d)} heading>
      <dl class="sk-definition-list">
        <Definition term="Soort">{kindLabel(d.kind)}</Definition>
        <Definition term="Periode">{period(d)}</Definition>
        <Definition term="Status">{kindLabel(d.state)}</Definition>
        {d.officialReference ? (
          <Definition term="Vindplaats">{d.officialReference}</Definition>
        ) : null}
        {tree.accountsFor ? (
          <Definition term="Verantwoordt">
            <LinkList links={[docLink(tree.accountsFor)]} />
          </Definition>
        ) : null}
        {annualReports.length > 0 ? (
          <Definition term="Verantwoord in">
            <LinkList
              links={annualReports.map((r) => ({
                href: `${docHref(r)}/jaarverslag`,
                label: r.title,
              }))}
            />
          </Definition>
        ) : null}
        {succeeds ? (
          <Definition term="Vervangt">
            <LinkList links={[docLink(succeeds)]} />
          </Definition>
        ) : null}
        {succeededBy.length > 0 ? (
          <Definition term="Vervangen door">
            <LinkList links={succeededBy.map(docLink)} />
          </Definition>
        ) : null}
        <Definition term="Bron">
          <SourceRef source={d.source} tenant={ctx.tenant} prefix="" />
        </Definition>
      </dl>
      {versions.length > 0 ? (
        <p class="nl-paragraph">
          Gepubliceerde versies:{" "}
          {versions.map((v, i) => (
            <span key={v.version}>
              {i > 0 ? ", " : ""}
              <a class="nl-link" href={`${docHref(d)}/versies/${v.version}`}>
                versie {v.version} ({formatDateTime(v.publishedAt)})
              </a>
            </span>
          ))}
        </p>
      ) : null}
      {d.copiedFromId ? (
        <p class="nl-paragraph">
          <a class="nl-link" href={`${docHref(d)}/wijzigingen`}>
            Wat is er veranderd ten opzichte van het vorige jaar?
          </a>
        </p>
      ) : null}
      {canEdit ? (
        <div class="sk-actions">
          <form method="post" action={`${docHref(d)}/publiceren`}>
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="nl-button nl-button--secondary">
              Publiceren (bevroren versie)
            </button>
          </form>
          {d.kind !== "jaarstukken" ? (
            <form method="post" action={`${docHref(d)}/kopie-volgend-jaar`}>
              <CsrfField token={ctx.csrfToken} />
              <button type="submit" class="nl-button nl-button--secondary">
                Kopiëren naar {d.lastYear + 1}
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
      {d.kind === "beleidskader" ? (
        <p class="nl-paragraph">
          <a
            class="nl-link"
            href={`/evaluatie/${d.slug}/${Math.min(new Date().getFullYear(), d.lastYear)}`}
          >
            Evaluatie: doelen, indicatoren en activiteiten per pijler
          </a>
        </p>
      ) : null}
      {d.kind === "jaarstukken" ? (
        <p class="nl-paragraph">
          <a class="nl-link" href={`${docHref(d)}/jaarverslag`}>
            Jaarverslag: wat wilden we doen en wat hebben we gedaan
          </a>
        </p>
      ) : null}
      {d.intro ? <SourceText text={d.intro} /> : null}
      {tree.years.length > 1 ? (
        <FilterForm
          action={docHref(d)}
          submit="Toon jaar"
          fields={[
            {
              kind: "select",
              name: "jaar",
              label: "Jaar",
              value: String(tree.year),
              options: tree.years.map((y) => ({ value: String(y), label: String(y) })),
            },
          ]}
        />
      ) : null}
      {activityCount > 0 ? (
        <StatusSummaryTable
          summary={tree.summary}
          caption={`Activiteiten per status in ${tree.year}`}
        />
      ) : null}
      <p class="nl-paragraph">
        <a class="nl-link" href={`/api/v1/beleidsdocumenten/${d.slug}`}>
          Download als JSON
        </a>{" "}
        ·{" "}
        <a class="nl-link" href={`/api/v1/beleidsdocumenten/${d.slug}/activiteiten.csv`}>
          Activiteiten als CSV
        </a>
      </p>
      <div class="sk-tree">
        {tree.looseGoals.length > 0 ? (
          <ul class="sk-goals">
            {tree.looseGoals.map((g) => (
              <GoalItem key={g.goal.id} node={g} year={tree.year} tenant={ctx.tenant} />
            ))}
          </ul>
        ) : null}
        {tree.sections.map((s) => (
          <SectionBlock key={s.section.id} node={s} tree={tree} depth={0} tenant={ctx.tenant} />
        ))}
      </div>
      {canEdit ? <ManageForms ctx={ctx} tree={tree} others={others} /> : null}
    </Layout>
  );
}
