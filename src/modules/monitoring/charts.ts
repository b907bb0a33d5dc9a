import * as echarts from "echarts";
import { formatT, type Point, type Trend } from "./analysis.js";
import { formatNumber } from "./format.js";

/**
 * The sizes a chart is drawn in. The SVG scales to its box, so text drawn at 12 px in a 640 px wide
 * chart is 6 px on a 320 px phone: the narrow variant is drawn at phone width with a larger font, so
 * its text stays at least 12 px where it is shown (the page picks it with a media query).
 */
export const CHART_SIZES = {
  breed: { width: 640, height: 320, fontSize: 12 },
  smal: { width: 320, height: 280, fontSize: 14 },
  klein: { width: 160, height: 48, fontSize: 12 },
} as const;
export type ChartFormat = keyof typeof CHART_SIZES;
export const chartFormat = (q: string | undefined): ChartFormat =>
  q === "smal" || q === "klein" ? q : "breed";

/** Renders an ECharts option to an SVG string on the server (no DOM, no animation). */
function render(
  option: echarts.EChartsOption,
  width: number,
  height: number,
  fontSize: number,
): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: "Noto Sans, sans-serif", fontSize },
    ...option,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

const LINE = "#1f5f8b";
const TARGET = "#8a3d00";

// The ECharts locale names months and days only; numbers need their own Dutch formatter.
const axisNumber = (v: number) => formatNumber(v);

export interface LineChartInput {
  points: Point[];
  target?: { value: number; year: number | undefined } | undefined;
  /** The trend line extended (dotted) to this time. */
  trend?: { line: Trend; until: number } | undefined;
  unit: string;
}

/**
 * Actual values as a line, the trend extended as a dotted line, and the target as a marked point.
 * A single measurement is a point labelled with its period: a line needs two.
 */
export function lineChart(input: LineChartInput, format: ChartFormat = "breed"): string {
  const size = CHART_SIZES[format];
  const small = format === "klein";
  const narrow = format === "smal";
  const single = input.points.length === 1;
  const times = [
    ...new Set([...input.points.map((p) => p.t), ...(input.trend ? [input.trend.until] : [])]),
  ].sort((a, b) => a - b);
  const series: echarts.SeriesOption[] = [
    {
      type: "line",
      name: "Gemeten",
      data: input.points.map((p) => [p.t, p.value]),
      lineStyle: { color: LINE, width: small ? 2 : 3 },
      itemStyle: { color: LINE },
      symbol: "circle",
      showSymbol: true,
      symbolSize: small ? 4 : single ? 12 : 8,
      label: {
        // On a narrow chart labels on every point collide; the axis and the table carry them.
        show: !small && (!narrow || single),
        position: "top",
        fontSize: size.fontSize,
        formatter: (p) => {
          const [t, v] = p.value as number[];
          const value = formatNumber(v as number);
          return single ? `${formatT(t as number)}: ${value}` : value;
        },
      },
    },
  ];
  if (input.trend && input.points.length >= 2) {
    const first = input.points[0] as Point;
    const { line, until } = input.trend;
    series.push({
      type: "line",
      name: "Trend",
      data: [first.t, until].map((t) => [
        t,
        Math.round((line.intercept + line.slope * t) * 100) / 100,
      ]),
      lineStyle: { color: LINE, type: "dotted", width: 2 },
      symbol: "none",
    });
  }
  if (input.target && !small) {
    series.push({
      type: "scatter",
      name: "Streefwaarde",
      data: [[input.target.year ?? times.at(-1) ?? 0, input.target.value]],
      symbol: "diamond",
      symbolSize: 14,
      itemStyle: { color: TARGET },
    });
  }
  let min = Math.min(...times);
  let max = Math.max(...times, input.target?.year ?? -Number.POSITIVE_INFINITY);
  // One period alone would give the axis no width (a grey block): a year either side keeps the point
  // clear of the axes, with its own year as a tick.
  if (single) {
    min = Math.floor(min) - 1;
    max = Math.max(max, Math.ceil(min + 1) + 1);
  }
  const span = max - min;
  return render(
    {
      grid: small
        ? { left: 4, right: 4, top: 4, bottom: 4 }
        : narrow
          ? { left: 8, right: 16, top: 40, bottom: 48, containLabel: true }
          : { left: 16, right: 24, top: 32, bottom: 48, containLabel: true },
      legend: small ? { show: false } : { bottom: 0, textStyle: { fontSize: size.fontSize } },
      xAxis: {
        type: "value",
        min,
        max,
        interval: span > (narrow ? 6 : 12) ? 5 : span > 6 ? 2 : 1,
        show: !small,
        axisLabel: {
          fontSize: size.fontSize,
          // Ticks fall between quarters of a year only on a padded axis; they carry no label.
          formatter: (v: number) => (Number.isInteger(v * 4) ? formatT(v) : ""),
        },
      },
      yAxis: {
        type: "value",
        scale: true,
        show: !small,
        name: small ? "" : input.unit,
        nameTextStyle: { fontSize: size.fontSize },
        axisLabel: { formatter: axisNumber, fontSize: size.fontSize },
      },
      series,
    },
    size.width,
    size.height,
    size.fontSize,
  );
}

/**
 * A bar per wijk against the municipality's figure. The narrow variant puts each name above its bar,
 * so the bars keep the width a phone has and the names are not cut off.
 */
export function barChart(
  bars: { label: string; value: number }[],
  reference: number | undefined,
  unit: string,
  format: ChartFormat = "breed",
): string {
  const narrow = format === "smal";
  const size = CHART_SIZES[narrow ? "smal" : "breed"];
  const rowHeight = narrow ? 48 : 28;
  return render(
    {
      grid: narrow
        ? { left: 8, right: 24, top: 64, bottom: 32 }
        : { left: 16, right: 56, top: 24, bottom: 32, containLabel: true },
      xAxis: {
        type: "value",
        // On a phone the unit is in the figure's text; a name beside the axis has no room there.
        name: narrow ? "" : unit,
        splitNumber: narrow ? 3 : 5,
        axisLabel: { formatter: axisNumber, hideOverlap: true, fontSize: size.fontSize },
      },
      yAxis: {
        type: "category",
        data: bars.map((b) => b.label),
        inverse: true,
        axisLabel: { show: !narrow, fontSize: size.fontSize },
      },
      series: [
        {
          type: "bar",
          data: bars.map((b) => b.value),
          itemStyle: { color: LINE },
          barMaxWidth: narrow ? 16 : 20,
          label: narrow
            ? {
                show: true,
                position: [0, -size.fontSize - 4],
                fontSize: size.fontSize,
                formatter: (p) => `${p.name}: ${formatNumber(p.value as number)}`,
              }
            : {
                show: true,
                position: "right",
                fontSize: size.fontSize,
                formatter: (p) => formatNumber(p.value as number),
              },
          markLine:
            reference === undefined
              ? undefined
              : {
                  symbol: "none",
                  lineStyle: { color: TARGET, type: "dashed" },
                  data: [{ xAxis: reference, name: "Gemeente" }],
                  label: {
                    formatter: `gemeente ${formatNumber(reference)}`,
                    fontSize: size.fontSize,
                    position: narrow ? "start" : "end",
                    // Above the first wijk's name, not on it.
                    distance: narrow ? 28 : 5,
                  },
                },
        },
      ],
    },
    size.width,
    Math.max(160, rowHeight * bars.length + 72),
    size.fontSize,
  );
}
