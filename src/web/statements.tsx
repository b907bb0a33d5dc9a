import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { fromRoot } from "../config/paths.js";
import type { TenantConfig } from "../config/tenant.js";
import type { PageContext } from "./context.js";
import { Layout } from "./layout.js";
import { pageContext } from "./page-context.js";
import { sendPage } from "./render.js";
import { STATEMENT_PAGES, type StatementKind } from "./statement-pages.js";

/**
 * The accessibility and privacy statements. Their text is the municipality's (a JSON file per
 * statement, named in config/tenant.json); stored as headings, paragraphs and lists rather than
 * Markdown or HTML, so the page only ever renders escaped text.
 */
export interface Statement {
  titel: string;
  /** ISO date of the last revision. */
  bijgewerkt: string;
  inleiding?: string;
  secties: { kop: string; alineas?: string[]; lijst?: string[]; contact?: boolean }[];
}

const isStrings = (v: unknown) =>
  v === undefined || (Array.isArray(v) && v.every((x) => typeof x === "string"));

/** Reads and checks a statement file; a broken file names itself rather than rendering half a page. */
export function readStatement(file: string): Statement {
  const raw = JSON.parse(readFileSync(fromRoot(file), "utf8")) as Partial<Statement>;
  const ok =
    typeof raw.titel === "string" &&
    typeof raw.bijgewerkt === "string" &&
    (raw.inleiding === undefined || typeof raw.inleiding === "string") &&
    Array.isArray(raw.secties) &&
    raw.secties.every(
      (s) => typeof s?.kop === "string" && isStrings(s.alineas) && isStrings(s.lijst),
    );
  if (!ok)
    throw new Error(
      `Verklaring ${file} heeft niet de vorm titel, bijgewerkt, secties[kop, alineas, lijst]`,
    );
  return raw as Statement;
}

const dateFormat = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "UTC" });

function Contact({ tenant }: { tenant: TenantConfig }) {
  const c = tenant.contact;
  return (
    <p class="nl-paragraph">
      {c.name}
      <br />
      E-mail:{" "}
      <a class="nl-link" href={`mailto:${c.email}`}>
        {c.email}
      </a>
      <br />
      Website:{" "}
      <a class="nl-link" href={c.url}>
        {c.url}
      </a>
    </p>
  );
}

export function StatementPage({
  ctx,
  kind,
  statement,
}: {
  ctx: PageContext;
  kind: StatementKind;
  statement: Statement | undefined;
}) {
  const page = STATEMENT_PAGES[kind];
  if (!statement)
    return (
      <Layout ctx={ctx} title={page.title} heading>
        <p class="nl-paragraph">
          Gemeente {ctx.tenant.municipality.name} heeft in Samenkracht nog geen{" "}
          {page.title.toLowerCase()} opgenomen. Met vragen kunt u terecht bij:
        </p>
        <Contact tenant={ctx.tenant} />
      </Layout>
    );
  const date = new Date(`${statement.bijgewerkt}T00:00:00Z`);
  return (
    <Layout ctx={ctx} title={statement.titel} heading>
      {statement.inleiding ? (
        <p class="nl-paragraph nl-paragraph--lead">{statement.inleiding}</p>
      ) : null}
      {statement.secties.map((s) => (
        <section key={s.kop}>
          <h2 class="nl-heading nl-heading--level-2">{s.kop}</h2>
          {(s.alineas ?? []).map((text) => (
            <p key={text} class="nl-paragraph">
              {text}
            </p>
          ))}
          {s.lijst && s.lijst.length > 0 ? (
            <ul class="utrecht-unordered-list">
              {s.lijst.map((text) => (
                <li key={text} class="utrecht-unordered-list__item">
                  {text}
                </li>
              ))}
            </ul>
          ) : null}
          {s.contact ? <Contact tenant={ctx.tenant} /> : null}
        </section>
      ))}
      <p class="nl-paragraph">
        Bijgewerkt op{" "}
        <time dateTime={statement.bijgewerkt}>
          {Number.isNaN(date.getTime()) ? statement.bijgewerkt : dateFormat.format(date)}
        </time>
        .
      </p>
    </Layout>
  );
}

/** `/toegankelijkheid` and `/privacy`; the files are read once, at start-up. */
export function registerStatementRoutes(app: FastifyInstance, tenant: TenantConfig) {
  for (const kind of Object.keys(STATEMENT_PAGES) as StatementKind[]) {
    const file = tenant.statements[kind];
    const statement = file ? readStatement(file) : undefined;
    app.get(STATEMENT_PAGES[kind].path, async (request, reply) =>
      sendPage(
        reply,
        <StatementPage
          ctx={pageContext(request, reply, tenant)}
          kind={kind}
          statement={statement}
        />,
      ),
    );
  }
}
