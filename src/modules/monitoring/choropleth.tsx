import { MapFigure } from "../../web/components/map.js";
import { projectShapes } from "../areas/index.js";
import { formatValue } from "./format.js";

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

/** The fill of a wijk without a value: hatched, so no colour class (the lightest least) looks like it. */
export const NO_VALUE_PATTERN = "sk-geen-waarde";

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
  const missing = map.shapes.filter((s) => !props.values.has(s.code)).length;
  // Names on the map would overlap in a municipality of twenty wijken: a number at each wijk's
  // centre and the numbered list under the map keep every name readable, also on a phone.
  const shapes = map.shapes.map((s, i) => ({
    ...s,
    number: i + 1,
    value: props.values.get(s.code),
  }));
  // Large enough that the number stays about 12 px where the map is drawn at phone width.
  const radius = Math.max(10, Math.round(map.width / 32));
  return (
    <MapFigure
      id="wijkkaart"
      title={props.title}
      width={map.width}
      height={map.height}
      description={
        <>
          Kaart van de {shapes.length} wijken, ingekleurd in vijf klassen
          {missing === 1
            ? "; 1 wijk zonder waarde is gearceerd"
            : missing > 1
              ? `; ${missing} wijken zonder waarde zijn gearceerd`
              : ""}
          . Elke wijk heeft een nummer; de lijst onder de kaart noemt de wijk en haar waarde.
        </>
      }
      caption={
        <>
          <ul class="sk-legend" aria-label="Legenda">
            {bounds.slice(0, -1).map((b, i) => (
              <li key={b}>
                <span class={`sk-legend__swatch sk-choro--${i + 1}`} aria-hidden="true" />{" "}
                {formatValue(Math.round(b * 100) / 100, props.unit)} tot{" "}
                {formatValue(Math.round((bounds[i + 1] as number) * 100) / 100, props.unit)}
              </li>
            ))}
            <li>
              <span class="sk-legend__swatch sk-choro--leeg" aria-hidden="true" /> gearceerd: geen
              waarde of niet getoond
            </li>
          </ul>
          <ol class="sk-map__key" aria-label="Wijken op de kaart">
            {shapes.map((s) => (
              <li key={s.code}>
                {s.name}: {s.value === undefined ? "geen waarde" : formatValue(s.value, props.unit)}
              </li>
            ))}
          </ol>
        </>
      }
    >
      <defs>
        <pattern
          id={NO_VALUE_PATTERN}
          patternUnits="userSpaceOnUse"
          width="8"
          height="8"
          patternTransform="rotate(45)"
        >
          <rect width="8" height="8" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="8" stroke="#595959" stroke-width="3" />
        </pattern>
      </defs>
      {shapes.map((s) => (
        <path
          key={s.code}
          d={s.path}
          fill={s.value === undefined ? `url(#${NO_VALUE_PATTERN})` : undefined}
          class={`sk-map__area ${s.value === undefined ? "sk-map__area--geen-waarde" : `sk-choro--${classOf(s.value) + 1}`}`}
        >
          <title>{`${s.name}: ${s.value === undefined ? "geen waarde" : formatValue(s.value, props.unit)}`}</title>
        </path>
      ))}
      <g class="sk-map__labels">
        {shapes.map((s) => (
          <g key={s.code}>
            <circle cx={s.label.x} cy={s.label.y} r={radius} fill="#ffffff" stroke="#1a1a1a" />
            <text
              x={s.label.x}
              y={s.label.y}
              text-anchor="middle"
              dominant-baseline="central"
              font-size={Math.round(radius * 1.2)}
              font-family="Noto Sans, sans-serif"
              fill="#1a1a1a"
            >
              {s.number}
            </text>
          </g>
        ))}
      </g>
    </MapFigure>
  );
}
