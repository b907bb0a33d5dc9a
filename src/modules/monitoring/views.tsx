import type { FieldError } from "../../platform/errors.js";
import { ChartFigure } from "../../web/components/chart.js";
import { DataTable, numeric } from "../../web/components/table.js";
import type { PageContext } from "../../web/context.js";
import { Layout } from "../../web/layout.js";
import { formatT } from "./analysis.js";
import { WijkChoropleth } from "./choropleth.js";
import { formatDifference, formatValue } from "./format.js";
import { IndicatorName, periodText, pointText, TargetBadge } from "./indicator-cells.js";
import { IndicatorEditForm } from "./indicator-form.js";
import type { IndicatorDetail, OverviewItem } from "./service.js";

const nf = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });

export { formatValue };

/** Below this width the charts' narrow variant (charts.ts CHART_SIZES.smal) is shown. */

const UNIT_LABEL: Record<string, string> = {
  score: "score",
  percentage: "%",
  aantal: "aantal",
  euro: "euro",
};
const ROLE_LABEL: Record<string, string> = {
  effectindicator: "Effectindicator",
  prestatie_indicator: "Prestatie-indicator",
  verplichte_beleidsindicator: "Verplichte beleidsindicator (BBV)",
};
const DIRECTION_LABEL: Record<string, string> = {
  hoger_is_beter: "hoger is beter",
  lager_is_beter: "lager is beter",
  neutraal: "geen gewenste richting",
};

function changeText(item: OverviewItem) {
  const c = item.analysis.change;
  if (!c) return "—";
  return `${formatDifference(c.absolute, item.indicator.unit)} sinds ${formatT(c.from.t)}`;
}

export interface DashboardGroup {
  title: string;
  items: OverviewItem[];
}

export function MonitorPage({
  ctx,
  groups,
  framework,
  canImport,
}: {
  ctx: PageContext;
  groups: DashboardGroup[];
  framework: string | undefined;
  canImport: boolean;
}) {
  return (
    <Layout ctx={ctx} title="Monitor" path="/monitor">
      <h1 class="nl-heading nl-heading--level-1">Monitor sociaal domein</h1>
      <p class="nl-paragraph">
        Per pijler{framework ? ` van ${framework}` : ""}: de indicatoren met de laatste meting, de
        verandering, de trend en de status ten opzichte van de streefwaarde. Zonder meting staat er
        "geen meting".
      </p>
      {canImport ? (
        <p class="nl-paragraph">
          <a class="nl-link" href="/monitor/import">
            Metingen importeren (CSV)
          </a>
        </p>
      ) : null}
      {groups.map((g) => (
        <section
          key={g.title}
          aria-labelledby={`groep-${g.title.replace(/\W+/g, "-")}`}
          class="sk-table-section"
        >
          <h2 class="nl-heading nl-heading--level-2" id={`groep-${g.title.replace(/\W+/g, "-")}`}>
            {g.title}
          </h2>
          <DataTable
            caption={`Indicatoren: ${g.title}`}
            captionHidden
            rowHeaders
            columns={["Indicator", numeric("Laatste meting"), "Verandering", "Trend", "Status"]}
            rows={g.items.map((item) => {
              const i = item.indicator;
              const a = item.analysis;
              return {
                key: i.id,
                cells: [
                  <IndicatorName key="naam" indicator={i} />,
                  pointText(a.latest, i.unit),
                  changeText(item),
                  a.series.length >= 2 ? (
                    <img
                      key="trend"
                      class="sk-sparkline"
                      src={`/monitor/${i.slug}/grafiek.svg?formaat=klein`}
                      alt={`Verloop ${i.name}: ${a.series.map((p) => `${formatT(p.t)} ${formatValue(p.value, i.unit)}`).join(", ")}`}
                      width={160}
                      height={48}
                    />
                  ) : (
                    "—"
                  ),
                  <TargetBadge key="status" status={a.status.status} />,
                ],
              };
            })}
          />
        </section>
      ))}
    </Layout>
  );
}

export function IndicatorPage({
  ctx,
  d,
  privacyThreshold,
  wijkFeatures,
  canEdit,
  errors,
  values,
}: {
  ctx: PageContext;
  d: IndicatorDetail;
  privacyThreshold: number;
  wijkFeatures: { code: string; name: string; geometry: unknown }[];
  canEdit?: boolean;
  errors?: FieldError[];
  /** What was typed in the edit form, after a refused save. */
  values?: Record<string, string | undefined>;
}) {
  const i = d.indicator;
  const a = d.analysis;
  const chartAlt = a.series.length
    ? `Lijngrafiek van ${i.name}: ${a.series.map((p) => `${formatT(p.t)} ${formatValue(p.value, i.unit)}`).join(", ")}${
        a.target
          ? `; streefwaarde ${formatValue(a.target.value, i.unit)}${a.target.year ? ` in ${a.target.year}` : ""}`
          : ""
      }. De getallen staan ook in de tabel.`
    : "";
  return (
    <Layout
      ctx={ctx}
      title={i.name}
      breadcrumbs={[
        { href: "/monitor", label: "Monitor" },
        { href: `/monitor/${i.slug}`, label: i.name },
      ]}
    >
      <h1 class="nl-heading nl-heading--level-1">{i.name}</h1>
      <p class="nl-paragraph">{i.definition}</p>
      <dl class="sk-definition-list">
        <dt>Eenheid</dt>
        <dd>
          {UNIT_LABEL[i.unit] ?? i.unit}
          {i.scaleMin !== null && i.scaleMax !== null
            ? ` (schaal ${nf.format(i.scaleMin)}-${nf.format(i.scaleMax)})`
            : ""}
        </dd>
        <dt>Richting</dt>
        <dd>{DIRECTION_LABEL[i.direction]}</dd>
        <dt>Rol</dt>
        <dd>{ROLE_LABEL[i.role]}</dd>
        <dt>Bron</dt>
        <dd>{i.source}</dd>
        <dt>Frequentie</dt>
        <dd>{i.frequency}</dd>
        <dt>Status</dt>
        <dd>
          <TargetBadge status={a.status.status} /> <span class="sk-source">{a.status.basis}</span>
        </dd>
      </dl>
      {a.series.length === 0 ? (
        <p class="nl-paragraph">Er is nog geen meting voor deze indicator.</p>
      ) : (
        <ChartFigure
          src={`/monitor/${i.slug}/grafiek.svg`}
          narrowSrc={`/monitor/${i.slug}/grafiek.svg?formaat=smal`}
          alt={chartAlt}
          width={640}
          height={320}
          narrow={{ width: 320, height: 280 }}
          caption={
            <>
              Gemeten waarden (doorgetrokken lijn)
              {a.trend ? ", de trend doorgetrokken (stippellijn)" : ""}
              {a.target ? " en de streefwaarde (ruit)" : ""}.
            </>
          }
        />
      )}
      {a.trend ? (
        <p class="nl-paragraph">
          Trend: {a.trend.slope >= 0 ? "+" : ""}
          {nf.format(a.trend.slope)} per jaar (kleinste-kwadratenmethode over {a.trend.n} metingen).
          {a.forecast
            ? ` Verwachting ${formatT(a.forecast.t)}: ${formatValue(a.forecast.value, i.unit)}${
                a.forecast.lower !== undefined && a.forecast.upper !== undefined
                  ? ` (95%-voorspellingsinterval ${formatValue(a.forecast.lower, i.unit)} tot ${formatValue(a.forecast.upper, i.unit)})`
                  : ""
              }.`
            : ""}
        </p>
      ) : null}
      <DataTable
        caption={`Metingen ${i.name} (gemeente)`}
        rowHeaders
        columns={[
          "Periode",
          numeric("Gemeten"),
          numeric("Streefwaarde"),
          numeric("Schatting"),
          "Vrijgave",
          "Bron",
        ]}
        rows={d.measurements.map((m) => ({
          key: m.id,
          cells: [
            periodText(m),
            formatValue(m.value, i.unit),
            formatValue(m.target, i.unit),
            formatValue(m.estimate, i.unit),
            m.releaseState.replace("_", " "),
            <>
              {m.source}
              {m.note ? <span class="sk-source"> ({m.note})</span> : null}
            </>,
          ],
        }))}
      />
      <h2 class="nl-heading nl-heading--level-2">Per wijk</h2>
      <WijkChoropleth
        title={`Kaart: ${i.name} per wijk${d.comparisonYear ? `, ${d.comparisonYear}` : ""}`}
        unit={i.unit}
        features={wijkFeatures}
        values={
          // Public values only, also for staff: the map has no "niet openbaar" marker and its
          // classes (min, max) would give a small count away.
          new Map(
            d.areaValues
              .filter((v) => v.isPublic && v.value !== undefined)
              .map((v) => [v.areaCode, v.value as number]),
          )
        }
      />
      {d.areaValues.length === 0 ? (
        <p class="nl-paragraph">Er zijn geen cijfers per wijk voor deze indicator.</p>
      ) : (
        <>
          {d.areaValues.some((v) => v.isPublic && v.value !== undefined) ? (
            <ChartFigure
              src={`/monitor/${i.slug}/wijken.svg`}
              narrowSrc={`/monitor/${i.slug}/wijken.svg?formaat=smal`}
              alt={`Staafdiagram per wijk, ${d.comparisonYear}. De getallen staan in de tabel eronder.`}
              width={640}
            />
          ) : null}
          <DataTable
            caption={`${i.name} per wijk, ${d.comparisonYear}`}
            rowHeaders
            columns={["Wijk", numeric("Waarde"), "Ten opzichte van de gemeente"]}
            rows={d.areaValues.map((v) => {
              const c = d.comparison.find((x) => x.areaCode === v.areaCode);
              return {
                key: v.areaCode,
                cells: [
                  <a key="wijk" class="nl-link" href={`/gebieden/${v.areaCode}`}>
                    {v.name}
                  </a>,
                  v.suppressed
                    ? `niet getoond (privacy)${v.fallback ? `; ${v.fallback.name}: ${formatValue(v.fallback.value, i.unit)}` : ""}`
                    : `${formatValue(v.value, i.unit)}${v.isPublic ? "" : " (niet openbaar)"}`,
                  c
                    ? `${c.position} (${formatDifference(c.difference, i.unit)}), ${c.judgement}`
                    : "—",
                ],
              };
            })}
          />
          {d.areaValues.some((v) => v.suppressed) ? (
            <p class="nl-paragraph">
              Aantallen onder de {privacyThreshold} worden per wijk niet getoond, zodat niemand
              herkenbaar is; ze tellen wel mee in het cijfer van de gemeente.
            </p>
          ) : null}
          {d.areaValues.some((v) => !v.isPublic && !v.suppressed) ? (
            <p class="nl-paragraph">
              Aantallen onder de {privacyThreshold} per wijk zijn niet openbaar: u ziet ze omdat u
              metingen beheert. Op de openbare pagina's, in de grafieken, op de kaart en in de API
              en de export zonder deze rechten staan ze niet.
            </p>
          ) : null}
        </>
      )}
      {i.story ? (
        <>
          <h2 class="nl-heading nl-heading--level-2">Het verhaal achter de cijfers</h2>
          <p class="nl-paragraph">{i.story}</p>
        </>
      ) : null}
      <h2 class="nl-heading nl-heading--level-2">Doelen die deze indicator meet</h2>
      {d.goals.length + d.policyIndicators.length === 0 ? (
        <p class="nl-paragraph">Nog aan geen doel gekoppeld.</p>
      ) : (
        <ul>
          {d.goals.map((g) => (
            <li key={g.goal.id}>
              <a class="nl-link" href={`/doelen/${g.goal.id}`}>
                {g.goal.text}
              </a>{" "}
              <span class="sk-source">({g.document.title})</span>
            </li>
          ))}
          {d.policyIndicators.map((p) => (
            <li key={p.indicator.id}>
              Indicator "{p.indicator.text}" in{" "}
              <a class="nl-link" href={`/beleid/${p.document.slug}`}>
                {p.document.title}
              </a>
              {p.section ? `, pijler ${p.section.title}` : ""}
            </li>
          ))}
        </ul>
      )}
      <h2 class="nl-heading nl-heading--level-2">Bronnen</h2>
      <ul>
        {d.sources.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      {d.corrections.length > 0 ? (
        <p class="nl-paragraph">
          {d.corrections.length} correctie(s) op eerdere metingen; de oude waarden staan in de
          correctiegeschiedenis.
        </p>
      ) : null}
      {canEdit ? (
        <IndicatorEditForm ctx={ctx} indicator={i} errors={errors ?? []} values={values} />
      ) : null}
    </Layout>
  );
}
