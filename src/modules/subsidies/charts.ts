import * as echarts from "echarts";
import { formatEuro } from "../../platform/money.js";
import type { BudgetLine } from "./budget.js";

/** The drawing sizes, as the monitoring charts: a phone gets its own drawing with larger text. */
export const BUDGET_CHART = {
  breed: { width: 640, fontSize: 12 },
  smal: { width: 320, fontSize: 14 },
} as const;
export type BudgetChartFormat = keyof typeof BUDGET_CHART;
export const budgetChartFormat = (q: string | undefined): BudgetChartFormat =>
  q === "smal" ? "smal" : "breed";

/** The chart's height for a number of work areas: each gets room for its three bars. */
export const budgetChartHeight = (lines: number, format: BudgetChartFormat) =>
  Math.max(200, lines * (format === "smal" ? 110 : 84) + 96);

// Three series told apart by colour and by pattern of position and legend; the table carries the numbers.
const SERIES = [
  { key: "plannedCents", name: "Gepland", color: "#6b6b6b" },
  { key: "grantedCents", name: "Verleend", color: "#1f5f8b" },
  { key: "establishedCents", name: "Vastgesteld", color: "#8a3d00" },
] as const;

/** Whole euros for an axis label: "€ 1.250.000"; the table gives the cents. */
const axisEuro = (euros: number) => formatEuro(Math.round(euros) * 100).replace(/,\d\d$/, "");

/**
 * Planned, granted and established per work area as horizontal bars, drawn on the server as SVG.
 * Values go to ECharts in euros (cents / 100) only for drawing; every figure shown in text is the
 * exact cents formatted.
 */
export function budgetChart(lines: readonly BudgetLine[], format: BudgetChartFormat = "breed") {
  const size = BUDGET_CHART[format];
  const narrow = format === "smal";
  const height = budgetChartHeight(lines.length, format);
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: size.width,
    height,
  });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: "Noto Sans, sans-serif", fontSize: size.fontSize },
    legend: { top: 0, textStyle: { fontSize: size.fontSize } },
    grid: narrow
      ? { left: 8, right: 16, top: 40, bottom: 24, containLabel: true }
      : { left: 16, right: 32, top: 40, bottom: 24, containLabel: true },
    xAxis: {
      type: "value",
      splitNumber: narrow ? 2 : 4,
      axisLabel: { formatter: axisEuro, hideOverlap: true, fontSize: size.fontSize },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: lines.map((l) => l.name),
      axisLabel: { fontSize: size.fontSize, width: narrow ? 90 : 180, overflow: "break" },
    },
    series: SERIES.map((s) => ({
      type: "bar",
      name: s.name,
      itemStyle: { color: s.color },
      barMaxWidth: 16,
      data: lines.map((l) => (l[s.key] ?? 0) / 100),
    })),
  } as echarts.EChartsOption);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return { svg, width: size.width, height };
}
