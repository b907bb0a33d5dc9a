import { Definition } from "../../web/components/list.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import { euro, RequirementTable, StateBadge } from "./components.js";
import type { ReportRequirement, SubsidyOfOrganisation } from "./report-reads.js";
import { FORM_LABELS } from "./rules.js";

export const PARTNER_PATH = "/partner/subsidies";

/** "Mijn subsidies": a partner's own decisions in every state, with what each asks back and when. */
export function PartnerSubsidiesPage(props: {
  ctx: PageContext;
  subsidies: (SubsidyOfOrganisation & { requirements: ReportRequirement[] })[];
}) {
  return (
    <Layout
      ctx={props.ctx}
      title="Mijn subsidies"
      breadcrumbs={[
        { href: "/partner", label: "Partnerportaal" },
        { href: PARTNER_PATH, label: "Mijn subsidies" },
      ]}
      heading
      intro="De subsidies van uw organisatie, ook aanvragen die nog niet verleend zijn, met de verantwoording die de gemeente vraagt en wanneer."
    >
      {props.subsidies.length === 0 ? (
        <p class="nl-paragraph">Uw organisatie heeft (nog) geen subsidies in Samenkracht.</p>
      ) : (
        props.subsidies.map((s) => {
          const headingId = `subsidie-${s.id}`;
          return (
            <section key={s.id} aria-labelledby={headingId}>
              <h2 class="nl-heading nl-heading--level-2" id={headingId}>
                {s.organisationName}: subsidie {s.year}
                {s.reference ? ` (${s.reference})` : ""}
              </h2>
              <dl class="sk-definition-list">
                <Definition term="Status">
                  <StateBadge state={s.state} />
                </Definition>
                <Definition term="Vorm">{FORM_LABELS[s.form]}</Definition>
                <Definition term="Werkgebied">{s.workAreaName ?? "—"}</Definition>
                <Definition term={s.state === "aanvraag" ? "Gevraagd bedrag" : "Verleend bedrag"}>
                  {euro(s.amountCents)}
                </Definition>
                <Definition term="Vastgesteld bedrag">{euro(s.establishedCents)}</Definition>
                <Definition term="Opdracht">{s.assignment || "—"}</Definition>
              </dl>
              <h3 class="nl-heading nl-heading--level-3">Verantwoording</h3>
              <RequirementTable requirements={s.requirements} />
              <p class="nl-paragraph">
                <a class="nl-link" href={`/subsidies/${s.id}`}>
                  Alle gegevens van deze subsidie
                </a>
              </p>
            </section>
          );
        })
      )}
    </Layout>
  );
}
