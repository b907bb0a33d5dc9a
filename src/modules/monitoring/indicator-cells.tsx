import { formatT, TARGET_STATUS_LABEL, type TargetStatus } from "./analysis.js";
import { formatValue } from "./format.js";

/** The target status as a coloured badge that always says it in words too. */
export function TargetBadge({ status }: { status: TargetStatus }) {
  const colour = status === "op_koers" ? "groen" : status === "niet_op_koers" ? "rood" : "grijs";
  return <span class={`sk-status sk-status--${colour}`}>{TARGET_STATUS_LABEL[status]}</span>;
}

/** An indicator's name, linked to its page, with its source: the row header of its tables. */
export function IndicatorName({
  indicator,
}: {
  indicator: { slug: string; name: string; source: string };
}) {
  return (
    <>
      <a class="nl-link" href={`/monitor/${indicator.slug}`}>
        {indicator.name}
      </a>
      <span class="sk-source"> ({indicator.source})</span>
    </>
  );
}

/** A measurement with its period, "12,5% (2024)", or "geen meting". */
export const pointText = (point: { value: number; t: number } | undefined, unit: string) =>
  point ? `${formatValue(point.value, unit)} (${formatT(point.t)})` : "geen meting";

/** Per year, or per quarter: "2024", "2024 K3". */
export const periodText = (m: { year: number; quarter: number | null }) =>
  m.quarter ? `${m.year} K${m.quarter}` : String(m.year);
