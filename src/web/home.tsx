import { formatNumber, nl } from "../i18n/nl.js";
import type { AreaSummary } from "../modules/areas/index.js";
import type { PageContext } from "./context.js";
import { Layout } from "./layout.js";

export function HomePage({ ctx, areas }: { ctx: PageContext; areas: AreaSummary[] }) {
  const municipality = areas.find((a) => a.level === "gemeente");
  const count = (level: AreaSummary["level"]) => areas.filter((a) => a.level === level).length;
  return (
    <Layout ctx={ctx} title={nl.home.title}>
      <h1 class="nl-heading nl-heading--level-1">{nl.home.title}</h1>
      <p class="nl-paragraph nl-paragraph--lead">{nl.app.tagline}</p>
      <p class="nl-paragraph">{nl.home.intro(ctx.tenant.municipality.name)}</p>
      {municipality?.population ? (
        <p class="nl-paragraph">
          {nl.home.population(
            formatNumber(municipality.population.count),
            municipality.population.year,
          )}
        </p>
      ) : null}
      <h2 class="nl-heading nl-heading--level-2">{nl.nav.areas}</h2>
      <p class="nl-paragraph">
        <a class="nl-link" href="/gebieden">
          {nl.home.areasLink}
        </a>{" "}
        ({nl.home.areasSummary(count("gebied"), count("wijk"))})
      </p>
    </Layout>
  );
}
