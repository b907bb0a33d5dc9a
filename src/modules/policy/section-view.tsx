import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import { kindLabel, membersText, SourceText } from "./components.js";
import { crumbs, docHref } from "./document-links.js";
import { ActivityList, GoalItem } from "./document-tree.js";
import { SectionEditForm } from "./edit-views.js";
import type * as repo from "./repository.js";
import type { DocumentTree, GoalNode, SectionNode } from "./service.js";

/** A programme answers the budget's three questions. */
export function SectionPage({
  ctx,
  tree,
  node,
  parentGoals,
  canEdit,
}: {
  ctx: PageContext;
  tree: DocumentTree;
  node: SectionNode;
  parentGoals: GoalNode[];
  canEdit?: boolean;
}) {
  const d = tree.document;
  const s = node.section;
  const goals = node.goals.length > 0 ? node.goals : parentGoals;
  const linkedGoalIds = new Set(node.activities.flatMap((a) => a.goalIds));
  const partnerships = collectPartnerships(tree.sections);
  return (
    <Layout
      ctx={ctx}
      title={`${kindLabel(s.kind)} ${s.title}`}
      breadcrumbs={crumbs(d, [{ href: `${docHref(d)}/onderdelen/${s.slug}`, label: s.title }])}
    >
      <h1 class="nl-heading nl-heading--level-1">
        {kindLabel(s.kind)} {s.title}
      </h1>
      <p class="nl-paragraph">
        {d.title} · {tree.year}
      </p>
      {s.body ? <SourceText text={s.body} /> : null}
      <h2 class="nl-heading nl-heading--level-2">Wat willen we bereiken?</h2>
      {goals.length === 0 ? (
        <p class="nl-paragraph">Het document noemt bij dit onderdeel geen doelen.</p>
      ) : (
        <ul class="sk-goals">
          {goals.map((g) => (
            <GoalItem key={g.goal.id} node={g} year={tree.year} tenant={ctx.tenant} />
          ))}
        </ul>
      )}
      {node.goals.length === 0 && goals.length > 0 ? (
        <p class="nl-paragraph">
          Dit zijn de doelen van het thema waar dit programma onder valt
          {linkedGoalIds.size > 0
            ? "; de activiteiten van dit programma zijn aan de doelen met een voortgang gekoppeld."
            : "."}
        </p>
      ) : null}
      <h2 class="nl-heading nl-heading--level-2">Wat gaan we daarvoor doen?</h2>
      {node.activities.length === 0 ? (
        <p class="nl-paragraph">Geen activiteiten.</p>
      ) : (
        <ActivityList items={node.activities} />
      )}
      <h2 class="nl-heading nl-heading--level-2">Wat doen we samen?</h2>
      {partnerships.length === 0 ? (
        <p class="nl-paragraph">Het document noemt geen samenwerkingsverbanden.</p>
      ) : (
        <ul>
          {partnerships.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong>
              {membersText(p) ? ` (${membersText(p)})` : ""}: {p.description}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? <SectionEditForm ctx={ctx} document={d} section={s} /> : null}
    </Layout>
  );
}

function collectPartnerships(nodes: SectionNode[]): repo.PartnershipRow[] {
  const all = new Map<string, repo.PartnershipRow>();
  const walk = (ns: SectionNode[]) => {
    for (const n of ns) {
      for (const p of n.partnerships) all.set(p.id, p);
      walk(n.children);
    }
  };
  walk(nodes);
  return [...all.values()];
}
