import type { TenantConfig } from "../../config/tenant.js";
import { countOf } from "../../i18n/nl.js";
import { LabelledList } from "../../web/components/list.js";
import { SourceRef } from "../../web/components/source-ref.js";
import {
  kindLabel,
  levelLabel,
  membersText,
  RollupView,
  SourceText,
  StatusBadge,
} from "./components.js";
import { docHref } from "./document-links.js";
import type { ActivityView, DocumentTree, GoalNode, SectionNode } from "./service.js";

export function GoalItem({
  node,
  year,
  tenant,
}: {
  node: GoalNode;
  year: number;
  tenant: TenantConfig;
}) {
  const g = node.goal;
  return (
    <li>
      <span class="sk-goal-level">{levelLabel(g.level)}</span> {g.number ? `${g.number}. ` : ""}
      <a class="nl-link" href={`/doelen/${g.id}`}>
        {g.text}
      </a>
      {g.description ? (
        <details>
          <summary>Toelichting</summary>
          <SourceText text={g.description} />
        </details>
      ) : null}
      {node.rollup ? <RollupView rollup={node.rollup} year={year} subject={g.text} /> : null}
      <span class="sk-source">
        {" ("}
        <SourceRef source={g.source} tenant={tenant} prefix="bron: " />)
      </span>
      {node.children.length > 0 ? (
        <ul>
          {node.children.map((c) => (
            <GoalItem key={c.goal.id} node={c} year={year} tenant={tenant} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function ActivityList({ items }: { items: ActivityView[] }) {
  return (
    <ol class="utrecht-ordered-list">
      {items.map((a) => (
        <li key={a.activity.id} class="utrecht-ordered-list__item">
          <a class="nl-link" href={`/activiteiten/${a.activity.id}`}>
            {a.activity.text.split("\n")[0]}
          </a>{" "}
          {a.year ? <StatusBadge status={a.year.status} /> : null}
        </li>
      ))}
    </ol>
  );
}

export function SectionBlock({
  node,
  tree,
  depth,
  tenant,
}: {
  node: SectionNode;
  tree: DocumentTree;
  depth: number;
  tenant: TenantConfig;
}) {
  const s = node.section;
  const Heading = depth === 0 ? "h2" : "h3";
  return (
    <details open={depth === 0} class="sk-section">
      <summary>
        <Heading class={`nl-heading nl-heading--level-${depth === 0 ? 2 : 3} sk-inline-heading`}>
          {kindLabel(s.kind)} {s.number ? `${s.number}. ` : ""}
          {s.title}
        </Heading>
      </summary>
      {s.body ? <SourceText text={s.body} /> : null}
      {s.kind === "programma" ? (
        <p class="nl-paragraph">
          <a
            class="nl-link"
            href={`${docHref(tree.document)}/onderdelen/${s.slug}?jaar=${tree.year}`}
          >
            Programmapagina: wat willen we bereiken, wat gaan we doen, wat doen we samen
          </a>
        </p>
      ) : null}
      {node.goals.length > 0 ? (
        <ul class="sk-goals">
          {node.goals.map((g) => (
            <GoalItem key={g.goal.id} node={g} year={tree.year} tenant={tenant} />
          ))}
        </ul>
      ) : null}
      <LabelledList
        label="Indicatoren"
        items={node.indicators}
        keyOf={(i) => i.id}
        item={(i) => `${i.text}${i.namedSource ? ` — bron: ${i.namedSource}` : ""}`}
      />
      {node.activities.length > 0 ? (
        <>
          <p class="nl-paragraph">
            <strong>
              Wat gaan we daarvoor doen? (
              {countOf(node.activities.length, "activiteit", "activiteiten")})
            </strong>
          </p>
          <ActivityList items={node.activities} />
        </>
      ) : null}
      <LabelledList
        label="Samenwerkingsverbanden"
        items={node.partnerships}
        keyOf={(p) => p.id}
        item={(p) => (membersText(p) ? `${p.name}: ${membersText(p)}` : p.name)}
      />
      {node.children.map((c) => (
        <SectionBlock key={c.section.id} node={c} tree={tree} depth={depth + 1} tenant={tenant} />
      ))}
    </details>
  );
}
