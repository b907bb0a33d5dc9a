import { projectShapes } from "../areas/index.js";
import { formatValue } from "./views.js";

/** Five equal-width classes between the lowest and highest value; pure so the legend matches the map. */
export function classify(
  values: readonly number[],
  classes = 5,
): { bounds: number[]; classOf: (v: number) => number } {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const step = (max - min) / classes || 1;
  const bounds = Array.from({ length: classes + 1 }, (_, i) => min + i * step);
  return { bounds, classOf: (v) => Math.min(classes - 1, Math.floor((v - min) / step)) };
}

export function WijkChoropleth(props: {
  title: string;
  unit: string;
  features: { code: string; name: string; geometry: unknown }[];
  values: Map<string, number>;
}) {
  const map = projectShapes(props.features);
  const values = [...props.values.values()];
  if (!map || values.length === 0) return null;
  const { bounds, classOf } = classify(values);
  return (
    <figure class="sk-figure">
      <svg
        class="sk-map"
        viewBox={`0 0 ${map.width} ${map.height}`}
        role="img"
        aria-labelledby="wijkkaart-titel wijkkaart-omschrijving"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id="wijkkaart-titel">{props.title}</title>
        <desc id="wijkkaart-omschrijving">
          Kaart van de wijken, ingekleurd in vijf klassen. Dezelfde waarden staan in de tabel.
        </desc>
        {map.shapes.map((s) => {
          const v = props.values.get(s.code);
          return (
            <path
              key={s.code}
              d={s.path}
              class={`sk-map__area ${v === undefined ? "sk-map__area--context" : `sk-choro--${classOf(v) + 1}`}`}
            >
              <title>{`${s.name}: ${v === undefined ? "geen waarde" : formatValue(v, props.unit)}`}</title>
            </path>
          );
        })}
      </svg>
      <figcaption>
        <ul class="sk-legend">
          {bounds.slice(0, -1).map((b, i) => (
            <li key={b}>
              <span class={`sk-legend__swatch sk-choro--${i + 1}`} aria-hidden="true" />{" "}
              {formatValue(Math.round(b * 100) / 100, props.unit)} tot{" "}
              {formatValue(Math.round((bounds[i + 1] as number) * 100) / 100, props.unit)}
            </li>
          ))}
          <li>
            <span class="sk-legend__swatch sk-choro--leeg" aria-hidden="true" /> geen waarde of niet
            getoond
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
