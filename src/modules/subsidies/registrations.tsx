import { formatEuro } from "../../platform/money.js";
import { DataTable } from "../../web/components/table.js";
import type { SectionRegistry } from "../../web/sections.js";
import { hasPermission, partnerOrganisationIds } from "../accounts/index.js";
import { listSubsidiesOfOrganisations } from "./report-reads.js";
import { FORM_LABELS, maySee, STATE_LABELS } from "./rules.js";

/** "Subsidies" on an organisation's page: what the register publishes, and more for staff or the partner itself. */
export function registerSubsidySections(sections: SectionRegistry): void {
  sections.register("organisatie", {
    id: "subsidies",
    order: 35,
    heading: "Subsidies",
    async load(ctx, organisation) {
      const viewer = {
        staff: hasPermission(ctx.roles, "subsidies.manage"),
        organisationIds: partnerOrganisationIds(ctx.roles),
      };
      const found = (
        await listSubsidiesOfOrganisations(ctx.db, ctx.municipalityCode, [organisation.id])
      ).filter((s) => maySee(viewer, s));
      return found.length > 0 ? found : null;
    },
    render: (found, organisation) => (
      <DataTable
        caption={`Subsidies aan ${organisation.name}`}
        captionHidden
        columns={["Jaar", "Vorm", "Status", { label: "Bedrag", numeric: true }]}
        rows={found.map((s) => ({
          key: s.id,
          cells: [
            <a key="jaar" class="nl-link" href={`/subsidies/${s.id}`}>
              {s.year}
            </a>,
            FORM_LABELS[s.form],
            STATE_LABELS[s.state],
            formatEuro(s.establishedCents ?? s.amountCents),
          ],
        }))}
      />
    ),
  });
}
