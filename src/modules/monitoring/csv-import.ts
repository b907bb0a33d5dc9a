import { parseCsv, unneutralise } from "../../platform/csv.js";
import { MEASURE_MAX } from "../../platform/schema-types.js";
import { isCalendarDay } from "../../platform/values.js";
import { RELEASE_STATES, type ReleaseState, type Unit } from "./schema.js";

export const IMPORT_COLUMNS = [
  "indicator",
  "gebied",
  "jaar",
  "kwartaal",
  "soort",
  "waarde",
  "bron",
  "publicatiedatum",
  "status",
  "toelichting",
] as const;
const REQUIRED = ["indicator", "gebied", "jaar", "soort", "waarde", "bron"] as const;
export const KINDS = ["realisatie", "streefwaarde", "schatting"] as const;
export type Kind = (typeof KINDS)[number];

export interface IndicatorInfo {
  id: string;
  unit: Unit;
  scaleMin: number | null;
  scaleMax: number | null;
}

export interface ParsedRow {
  line: number;
  indicatorId: string;
  areaCode: string;
  year: number;
  quarter: number;
  kind: Kind;
  value: number;
  source: string;
  publishedOn: string | null;
  releaseState: ReleaseState;
  note: string | null;
}

export interface RowError {
  line: number;
  message: string;
}

const NL_NUMBER = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 4 });

/**
 * Whether a value is plausible for its unit: an error blocks the import, a warning is shown in the
 * preview and does not. A percentage of 0 < x ≤ 1 is allowed (1% happens) but is usually a fraction
 * from a spreadsheet that stores 47,5% as 0,475, so the preview asks.
 */
export function plausibility(
  value: number,
  info: IndicatorInfo,
): { error?: string; warning?: string } {
  const error = unitProblem(value, info);
  if (error) return { error };
  if (info.unit === "percentage" && value > 0 && value <= 1) {
    return {
      warning: `waarde ${NL_NUMBER.format(value)} lijkt een fractie; bedoelt u ${NL_NUMBER.format(Math.round(value * 1e6) / 1e4)}?`,
    };
  }
  return {};
}

/**
 * A realisation is measured, so it cannot lie in a year that has not begun; a target or an estimate
 * is about the future by nature. Years outside 1900-2100 are typing errors.
 */
export function yearProblem(year: number, kind: Kind, currentYear: number): string | undefined {
  if (year < 1900 || year > 2100) return `jaar ${year} ligt niet tussen 1900 en 2100`;
  if (kind === "realisatie" && year > currentYear)
    return `een gemeten waarde (realisatie) kan niet in een toekomstig jaar (${year}) liggen; een streefwaarde of schatting mag wel`;
  return undefined;
}

/** "3,2", "3.2", "1.234,5" and "12%" are numbers; anything else is not. */
/** A real day between 1900 and 2100 as JJJJ-MM-DD: not 2024-02-30, not 0000-01-01. */
const isCalendarDate = (text: string) => isCalendarDay(text, { from: 1900, to: 2100 });

export function parseDutchNumber(raw: string): number | undefined {
  let s = raw.trim().replace(/%$/, "").replace(/\s/g, "");
  if (s === "") return undefined;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replaceAll(".", "").replace(",", ".");
  else if (/^-?\d+,\d+$/.test(s)) s = s.replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}

function unitProblem(value: number, info: IndicatorInfo): string | undefined {
  switch (info.unit) {
    case "percentage":
      return value < 0 || value > 100
        ? `een percentage moet tussen 0 en 100 liggen (${value})`
        : undefined;
    case "aantal":
      return !Number.isInteger(value) || value < 0
        ? `een aantal moet een geheel getal van 0 of meer zijn (${value})`
        : undefined;
    case "score":
      if (
        info.scaleMin !== null &&
        info.scaleMax !== null &&
        (value < info.scaleMin || value > info.scaleMax)
      ) {
        return `een score op deze indicator ligt tussen ${info.scaleMin} en ${info.scaleMax} (${value})`;
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Parses and checks a measurement CSV row by row. Pure: the caller supplies the known indicators and
 * areas. Returns every problem with its line number, so the whole file can be fixed in one go.
 */
export function parseMeasurementCsv(
  text: string,
  known: { indicators: ReadonlyMap<string, IndicatorInfo>; areas: ReadonlySet<string> },
  // The caller passes the year, so the parser stays pure and tests can pin it.
  currentYear: number = new Date().getUTCFullYear(),
): { rows: ParsedRow[]; errors: RowError[]; warnings: RowError[] } {
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  let table: string[][];
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const separator = firstLine.split(";").length > firstLine.split(",").length ? ";" : ",";
  try {
    table = parseCsv(text, separator);
  } catch (error) {
    return {
      rows: [],
      errors: [
        { line: 0, message: `Het bestand is geen geldige CSV: ${(error as Error).message}` },
      ],
      warnings,
    };
  }
  const [header, ...body] = table;
  if (!header)
    return { rows: [], errors: [{ line: 0, message: "Het bestand is leeg." }], warnings };
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    return {
      rows: [],
      errors: [
        {
          line: 1,
          message: `Kolommen ontbreken: ${missing.join(", ")}. Verwacht: ${IMPORT_COLUMNS.join(", ")}.`,
        },
      ],
      warnings,
    };
  }
  // Our CSV export puts ' before text a spreadsheet would run as a formula (CSV injection): strip it
  // before trimming, so an exported file imports again unchanged.
  const col = (cells: string[], name: string) =>
    unneutralise(cells[names.indexOf(name)] ?? "").trim();
  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const line = i + 2;
    const problems: string[] = [];
    const slug = col(cells, "indicator");
    const info = known.indicators.get(slug);
    if (!info) problems.push(`onbekende indicator "${slug}"`);
    const areaCode = col(cells, "gebied").toUpperCase();
    if (!known.areas.has(areaCode))
      problems.push(`onbekende gebiedscode "${col(cells, "gebied")}"`);
    const yearText = col(cells, "jaar");
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
    if (year === undefined) problems.push(`jaar "${yearText}" is geen jaartal`);
    const quarterText = col(cells, "kwartaal");
    const quarter =
      quarterText === "" ? 0 : /^[1-4]$/.test(quarterText) ? Number(quarterText) : undefined;
    if (quarter === undefined)
      problems.push(`kwartaal "${quarterText}" moet leeg of 1 tot en met 4 zijn`);
    const kind = col(cells, "soort").toLowerCase() as Kind;
    if (!KINDS.includes(kind))
      problems.push(
        `soort "${col(cells, "soort")}" moet realisatie, streefwaarde of schatting zijn`,
      );
    const value = parseDutchNumber(col(cells, "waarde"));
    if (value === undefined) problems.push(`waarde "${col(cells, "waarde")}" is geen getal`);
    else if (Math.abs(value) > MEASURE_MAX)
      problems.push(`waarde "${col(cells, "waarde")}" is te groot (hoogstens 9.999.999.999)`);
    else if (info) {
      const { error, warning } = plausibility(value, info);
      if (error) problems.push(`eenheid klopt niet: ${error}`);
      if (warning) warnings.push({ line, message: warning });
    }
    if (year !== undefined && KINDS.includes(kind)) {
      const problem = yearProblem(year, kind, currentYear);
      if (problem) problems.push(problem);
    }
    const source = col(cells, "bron");
    if (!source) problems.push("bron ontbreekt");
    const published = col(cells, "publicatiedatum");
    if (published && !isCalendarDate(published))
      problems.push(`publicatiedatum "${published}" moet een bestaande datum JJJJ-MM-DD zijn`);
    const stateText = col(cells, "status").toLowerCase().replace(" ", "_");
    const releaseState = (stateText || "definitief") as ReleaseState;
    if (!RELEASE_STATES.includes(releaseState))
      problems.push(
        `status "${col(cells, "status")}" moet voorlopig, nader voorlopig of definitief zijn`,
      );
    if (
      problems.length === 0 &&
      year !== undefined &&
      quarter !== undefined &&
      info &&
      value !== undefined
    ) {
      const key = `${slug}|${areaCode}|${year}|${quarter}|${kind}`;
      const earlier = seen.get(key);
      if (earlier !== undefined)
        problems.push(
          `dubbele periode: dezelfde indicator, hetzelfde gebied, jaar en soort staan al op regel ${earlier}`,
        );
      else seen.set(key, line);
      if (problems.length === 0) {
        rows.push({
          line,
          indicatorId: info.id,
          areaCode,
          year,
          quarter,
          kind,
          value,
          source,
          publishedOn: published || null,
          releaseState,
          note: col(cells, "toelichting") || null,
        });
      }
    }
    for (const message of problems) errors.push({ line, message });
  });
  return { rows, errors, warnings };
}

export interface MeasurementUpsert {
  indicatorId: string;
  areaCode: string;
  year: number;
  quarter: number;
  value?: number;
  target?: number;
  estimate?: number;
  source: string;
  publishedOn: string | null;
  releaseState: ReleaseState;
  note: string | null;
}

/** Folds realisatie/streefwaarde/schatting rows of one period into one measurement. */
export function groupRows(rows: readonly ParsedRow[]): MeasurementUpsert[] {
  const byKey = new Map<string, MeasurementUpsert>();
  for (const r of rows) {
    const key = `${r.indicatorId}|${r.areaCode}|${r.year}|${r.quarter}`;
    const m = byKey.get(key) ?? {
      indicatorId: r.indicatorId,
      areaCode: r.areaCode,
      year: r.year,
      quarter: r.quarter,
      source: r.source,
      publishedOn: r.publishedOn,
      releaseState: r.releaseState,
      note: r.note,
    };
    if (r.kind === "realisatie") {
      m.value = r.value;
      m.source = r.source;
      m.releaseState = r.releaseState;
      m.publishedOn = r.publishedOn ?? m.publishedOn;
    } else if (r.kind === "streefwaarde") m.target = r.value;
    else m.estimate = r.value;
    if (r.note) m.note = m.note && m.note !== r.note ? `${m.note} ${r.note}` : r.note;
    byKey.set(key, m);
  }
  return [...byKey.values()];
}
