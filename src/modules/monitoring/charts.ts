import * as echarts from "echarts";
import { formatT, type Point, type Trend } from "./analysis.js";

/** Renders an ECharts option to an SVG string on the server (no DOM, no animation). */
function render(option: echarts.EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: "Noto Sans, sans-serif" },
    ...option,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

const LINE = "#1f5f8b";
const TARGET = "#8a3d00";

export interface LineChartInput {
  points: Point[];
  target?: { value: number; year: number | undefined } | undefined;
  /** The trend line extended (dotted) to this time. */
  trend?: { line: Trend; until: number } | undefined;
  unit: string;
}

/** Actual values as a line, the trend extended as a dotted line, and the target as a marked point. */
export function lineChart(
  input: LineChartInput,
  size: { width: number; height: number } = { width: 640, height: 320 },
): string {
  const small = size.width < 300;
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
      symbolSize: small ? 4 : 8,
      label: {
        show: !small,
        position: "top",
        formatter: (p) => String((p.value as number[])[1]).replace(".", ","),
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
  const min = Math.min(...times);
  const max = Math.max(...times, input.target?.year ?? -Infinity);
  return render(
    {
      grid: small
        ? { left: 4, right: 4, top: 4, bottom: 4 }
        : { left: 56, right: 24, top: 32, bottom: 48 },
      legend: small ? { show: false } : { bottom: 0 },
      xAxis: {
        type: "value",
        min,
        max,
        interval: max - min > 12 ? 5 : 1,
        show: !small,
        axisLabel: { formatter: (v: number) => formatT(v) },
      },
      yAxis: { type: "value", scale: true, show: !small, name: small ? "" : input.unit },
      series,
    },
    size.width,
    size.height,
  );
}

export function barChart(
  bars: { label: string; value: number }[],
  reference: number | undefined,
  unit: string,
): string {
  return render(
    {
      grid: { left: 160, right: 40, top: 24, bottom: 32 },
      xAxis: { type: "value", name: unit },
      yAxis: { type: "category", data: bars.map((b) => b.label), inverse: true },
      series: [
        {
          type: "bar",
          data: bars.map((b) => b.value),
          itemStyle: { color: LINE },
          markLine:
            reference === undefined
              ? undefined
              : {
                  symbol: "none",
                  lineStyle: { color: TARGET, type: "dashed" },
                  data: [{ xAxis: reference, name: "Gemeente" }],
                  label: { formatter: "gemeente" },
                },
        },
      ],
    },
    640,
    Math.max(160, 28 * bars.length + 60),
  );
}
