import { formatDateTime } from "../../i18n/nl.js";
import { DataTable } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import { kindLabel, levelLabel, SourceText } from "./components.js";
import type { VersionedItem, YearChanges } from "./diff.js";
import type * as repo from "./repository.js";

const docCrumbs = (d: repo.DocumentRow, label: string, href: string) => [
  { href: "/beleid", label: "Beleid" },
  { href: `/beleid/${d.slug}`, label: d.title },
  { href, label },
];

function ItemList({ items, empty }: { items: VersionedItem[]; empty: string }) {
  if (items.length === 0) return <p class="nl-paragraph">{empty}</p>;
  return (
    <ul>
      {items.map((i) => (
        <li key={i.id}>
          <strong>{i.kind === "doel" ? "Doel" : "Activiteit"}</strong> ({i.context}):{" "}
          {i.text.split("\n")[0]}
        </li>
      ))}
    </ul>
  );
}

export function ChangesPage(props: {
  ctx: PageContext;
  previous: repo.DocumentRow;
  current: repo.DocumentRow;
  changes: YearChanges;
}) {
  const { previous, current, changes } = props;
  const href = `/beleid/${current.slug}/wijzigingen`;
  return (
    <Layout
      ctx={props.ctx}
      title={`Wat is er veranderd: ${current.title}`}
      breadcrumbs={docCrumbs(current, "Wat is er veranderd", href)}
    >
      <h1 class="nl-heading nl-heading--level-1">Wat is er veranderd?</h1>
      <p class="nl-paragraph">
        <a class="nl-link" href={`/beleid/${current.slug}`}>
          {current.title}
        </a>{" "}
        vergeleken met{" "}
        <a class="nl-link" href={`/beleid/${previous.slug}`}>
          {previous.title}
        </a>
        : {changes.added.length} toegevoegd, {changes.dropped.length} vervallen,{" "}
        {changes.reworded.length} anders geformuleerd, {changes.unchanged} ongewijzigd.
      </p>
      <h2 class="nl-heading nl-heading--level-2">Toegevoegd ({changes.added.length})</h2>
      <ItemList items={changes.added} empty="Niets toegevoegd." />
      <h2 class="nl-heading nl-heading--level-2">Vervallen ({changes.dropped.length})</h2>
      <ItemList items={changes.dropped} empty="Niets vervallen." />
      <h2 class="nl-heading nl-heading--level-2">
        Anders geformuleerd ({changes.reworded.length})
      </h2>
      {changes.reworded.length === 0 ? (
        <p class="nl-paragraph">Niets anders geformuleerd.</p>
      ) : (
        <DataTable
          caption="Oude en nieuwe tekst"
          columns={[String(previous.firstYear), String(current.firstYear)]}
          rows={changes.reworded.map((r) => ({
            key: r.after.id,
            cells: [r.before.text, r.after.text],
          }))}
        />
      )}
    </Layout>
  );
}

interface ExportedGoal {
  id: string;
  niveau: string;
  nummer: string | null;
  tekst: string;
  onderliggend: ExportedGoal[];
}
interface ExportedSection {
  id: string;
  soort: string;
  titel: string;
  tekst: string;
  doelen: ExportedGoal[];
  activiteiten: { id: string; tekst: string; jaar: { status: string } | null }[];
  onderdelen: ExportedSection[];
}

function SnapshotGoals({ goals }: { goals: ExportedGoal[] }) {
  if (goals.length === 0) return null;
  return (
    <ul>
      {goals.map((g) => (
        <li key={g.id}>
          {levelLabel(g.niveau)} {g.nummer ? `${g.nummer}. ` : ""}
          {g.tekst}
          <SnapshotGoals goals={g.onderliggend} />
        </li>
      ))}
    </ul>
  );
}

function SnapshotSection({ s, level }: { s: ExportedSection; level: number }) {
  const H = level === 2 ? "h2" : "h3";
  return (
    <section>
      <H class={`nl-heading nl-heading--level-${level}`}>
        {kindLabel(s.soort)} {s.titel}
      </H>
      {s.tekst ? <SourceText text={s.tekst} /> : null}
      <SnapshotGoals goals={s.doelen} />
      {s.activiteiten.length > 0 ? (
        <ol>
          {s.activiteiten.map((a) => (
            <li key={a.id}>
              {a.tekst.split("\n")[0]}
              {a.jaar ? ` (${a.jaar.status.replaceAll("_", " ")})` : ""}
            </li>
          ))}
        </ol>
      ) : null}
      {s.onderdelen.map((c) => (
        <SnapshotSection key={c.id} s={c} level={3} />
      ))}
    </section>
  );
}

export function SnapshotPage(props: {
  ctx: PageContext;
  document: repo.DocumentRow;
  snapshot: { version: number; publishedAt: Date; actorName: string; content: unknown };
}) {
  const { document: d, snapshot } = props;
  const content = snapshot.content as {
    titel: string;
    doelen: ExportedGoal[];
    onderdelen: ExportedSection[];
  };
  const href = `/beleid/${d.slug}/versies/${snapshot.version}`;
  return (
    <Layout
      ctx={props.ctx}
      title={`${content.titel}, versie ${snapshot.version}`}
      breadcrumbs={docCrumbs(d, `Versie ${snapshot.version}`, href)}
    >
      <h1 class="nl-heading nl-heading--level-1">{content.titel}</h1>
      <p class="nl-paragraph">
        Gepubliceerde versie {snapshot.version}, {formatDateTime(snapshot.publishedAt)} door{" "}
        {snapshot.actorName}. Deze versie verandert niet meer; de{" "}
        <a class="nl-link" href={`/beleid/${d.slug}`}>
          actuele versie
        </a>{" "}
        kan sindsdien gewijzigd zijn.
      </p>
      <SnapshotGoals goals={content.doelen} />
      {content.onderdelen.map((s) => (
        <SnapshotSection key={s.id} s={s} level={2} />
      ))}
    </Layout>
  );
}
