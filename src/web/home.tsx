import type { ComponentChildren } from "preact";
import { formatNumber, nl } from "../i18n/nl.js";
import type { AreaSummary } from "../modules/areas/index.js";
import { SelectField, TextField } from "./components/form.js";
import type { PageContext } from "./context.js";
import type { CouncilLinks } from "./home-links.js";
import { Layout } from "./layout.js";

export interface HomeProps {
  ctx: PageContext;
  areas: readonly AreaSummary[];
  council: CouncilLinks;
  /** The logged-in account may import measurements (monitoring.edit). */
  canImport: boolean;
  /** The wijk asked for through the form when it is not one of the wijken. */
  wijk?: { value: string; error: string } | undefined;
}

const t = nl.home;

/** A section for one kind of visitor, named by its heading. */
function VisitorSection(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="sk-home__section" aria-labelledby={props.id}>
      <h2 class="nl-heading nl-heading--level-2" id={props.id}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

function LinkList({ links }: { links: readonly (readonly [href: string, label: string])[] }) {
  return (
    <ul class="sk-link-list">
      {links.map(([href, label]) => (
        <li key={href}>
          <a class="nl-link" href={href}>
            {label}
          </a>
        </li>
      ))}
    </ul>
  );
}

function Residents({ areas, wijk }: Pick<HomeProps, "areas" | "wijk">) {
  const count = (level: AreaSummary["level"]) => areas.filter((a) => a.level === level).length;
  const wijken = areas
    .filter((a) => a.level === "wijk")
    .toSorted((a, b) => a.name.localeCompare(b.name, "nl"));
  return (
    <VisitorSection id="voor-inwoners" title={t.residents.title}>
      <p class="nl-paragraph">{t.residents.text}</p>
      {/* A GET form to this page, which sends the chosen wijk on to its page: no script needed. */}
      <form method="get" action="/" class="sk-form">
        <SelectField
          name="wijk"
          label={t.residents.wijkLabel}
          required
          value={wijk?.value}
          error={wijk?.error}
          options={[
            { value: "", label: t.residents.wijkChoose },
            ...wijken.map((a) => ({ value: a.code, label: a.name })),
          ]}
        />
        <div>
          <button type="submit" class="nl-button nl-button--primary">
            {t.residents.wijkButton}
          </button>
        </div>
      </form>
      <p class="nl-paragraph">
        <a class="nl-link" href="/gebieden">
          {t.areasLink}
        </a>{" "}
        ({t.areasSummary(count("gebied"), count("wijk"))})
      </p>
      <search>
        <form method="get" action="/zoeken" class="sk-form">
          <TextField
            name="q"
            type="search"
            label={t.residents.searchLabel}
            help={t.residents.searchHelp}
          />
          <div>
            <button type="submit" class="nl-button nl-button--secondary">
              {t.residents.searchButton}
            </button>
          </div>
        </form>
      </search>
    </VisitorSection>
  );
}

function Council({ council }: Pick<HomeProps, "council">) {
  const links: [string, string][] = [];
  if (council.framework)
    links.push([council.framework.href, t.council.framework(council.framework.title)]);
  if (council.evaluation)
    links.push([council.evaluation.href, t.council.evaluation(council.evaluation.year)]);
  if (council.annualReport)
    links.push([council.annualReport.href, t.council.annualReport(council.annualReport.title)]);
  links.push(["/monitor", t.council.monitor], ["/beleid", t.council.allDocuments]);
  return (
    <VisitorSection id="voor-raadsleden" title={t.council.title}>
      <p class="nl-paragraph">{t.council.text}</p>
      <LinkList links={links} />
    </VisitorSection>
  );
}

function Staff({ ctx, canImport }: Pick<HomeProps, "ctx" | "canImport">) {
  const account = ctx.account;
  if (!account)
    return (
      <VisitorSection id="voor-medewerkers" title={t.staff.title}>
        <p class="nl-paragraph">{t.staff.loggedOut}</p>
        <LinkList links={[["/inloggen", t.staff.login]]} />
      </VisitorSection>
    );
  const links: [string, string][] = [];
  if (canImport) links.push(["/monitor/import", t.staff.import]);
  if (account.canManageSubsidies)
    links.push(
      ["/beheer/verantwoordingen", t.staff.reports],
      ["/beheer/subsidies", t.staff.subsidies],
      ["/beheer/begroting-welzijn", t.staff.budget],
    );
  if (account.canEditOrganisations) links.push(["/beheer/organisaties", t.staff.profileChanges]);
  if (account.canManageUsers)
    links.push(["/beheer/gebruikers", t.staff.users], ["/beheer/tokens", t.staff.tokens]);
  if (account.canReadAudit) links.push(["/beheer/audit", t.staff.audit]);
  links.push(["/account", t.staff.account]);
  return (
    <VisitorSection id="voor-medewerkers" title={t.staff.title}>
      <LinkList links={links} />
    </VisitorSection>
  );
}

function Partners({ ctx }: Pick<HomeProps, "ctx">) {
  return (
    <VisitorSection id="voor-partners" title={t.partners.title}>
      <p class="nl-paragraph">{t.partners.text}</p>
      <LinkList
        links={[
          ["/organisaties", t.partners.organisations],
          ["/subsidies", t.partners.register],
          ...(ctx.account?.isPartner ? ([["/partner", t.partners.portal]] as const) : []),
          ["/samenwerkingsverbanden", t.partners.partnerships],
          ["/api/v1/openapi.json", t.partners.api],
        ]}
      />
      {ctx.account ? null : (
        <p class="nl-paragraph">
          {t.partners.loginText}{" "}
          <a class="nl-link" href="/inloggen">
            {t.partners.login}
          </a>
        </p>
      )}
    </VisitorSection>
  );
}

export function HomePage(props: HomeProps) {
  const { ctx, areas } = props;
  const municipality = areas.find((a) => a.level === "gemeente");
  return (
    <Layout ctx={ctx} title={t.title} heading>
      <p class="nl-paragraph nl-paragraph--lead">{nl.app.tagline}</p>
      <p class="nl-paragraph">{t.intro(ctx.tenant.municipality.name)}</p>
      {municipality?.population ? (
        <p class="nl-paragraph">
          {t.population(formatNumber(municipality.population.count), municipality.population.year)}
        </p>
      ) : null}
      <div class="sk-home">
        <Residents areas={areas} wijk={props.wijk} />
        <Council council={props.council} />
        <Staff ctx={ctx} canImport={props.canImport} />
        <Partners ctx={ctx} />
      </div>
    </Layout>
  );
}
