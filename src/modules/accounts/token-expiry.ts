import { isCalendarDay } from "../../platform/values.js";
/**
 * Expiry dates of API tokens. A beheerder picks a calendar date; the token stops working at the
 * start of that day in the municipality's time zone, so the date in the list is the date chosen.
 */

export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_YEARS = 2;

const ZONE = "Europe/Amsterdam";
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function zoneParts(at: Date) {
  const get = (type: string) =>
    Number(partsFormat.formatToParts(at).find((p) => p.type === type)?.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

const iso = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** The calendar date (YYYY-MM-DD) of an instant in the municipality. */
export function localDate(at: Date): string {
  const p = zoneParts(at);
  return iso(p.year, p.month, p.day);
}

/** A calendar date moved by days, months and years (31 January + 1 month is 3 March, as in Date). */
export function addToDate(date: string, { days = 0, months = 0, years = 0 }): string {
  const m = DATE.exec(date);
  if (!m) throw new Error(`geen datum: ${date}`);
  const d = new Date(
    Date.UTC(Number(m[1]) + years, Number(m[2]) - 1 + months, Number(m[3]) + days),
  );
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** YYYY-MM-DD of a day that exists, from 1900 on. */
export const isCalendarDate = (text: string): boolean => isCalendarDay(text, { from: 1900 });

/** The instant a calendar date begins in the municipality (00:00 local time). */
export function startOfLocalDay(date: string): Date {
  const m = DATE.exec(date);
  if (!m) throw new Error(`geen datum: ${date}`);
  const utcMidnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // The zone's offset at UTC midnight equals the one at local midnight: the clocks change at 01:00 UTC.
  const p = zoneParts(new Date(utcMidnight));
  const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - utcMidnight;
  return new Date(utcMidnight - offset);
}

/** The range a beheerder may choose from, and the default, for a token issued at `now`. */
export function expiryChoices(now: Date) {
  const today = localDate(now);
  return {
    earliest: addToDate(today, { days: 1 }),
    standard: addToDate(today, { days: DEFAULT_TOKEN_DAYS }),
    latest: addToDate(today, { years: MAX_TOKEN_YEARS }),
  };
}
