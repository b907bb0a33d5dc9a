/**
 * Money is integer euro cents everywhere (bigint in SQL, number in TypeScript), never floating
 * point: 0.1 + 0.2 is not 0.3, and a subsidy register that is a cent off is wrong. These two pure
 * functions are the only way an amount crosses from text to cents and back.
 */

/** The largest amount accepted anywhere: € 100.000.000,00. Well within Number.MAX_SAFE_INTEGER. */
export const MAX_CENTS = 10_000_000_000;

export type MoneyParse = { ok: true; cents: number } | { ok: false; message: string };

/** The Dutch messages, naming the field, so a form and the API say the same. */
export const moneyMessages = {
  missing: (label: string) => `${label} is verplicht.`,
  notAnAmount: (label: string) => `${label} moet een bedrag in euro zijn, bijvoorbeeld 1.250,00.`,
  negative: (label: string) => `${label} mag niet negatief zijn.`,
  tooManyDecimals: (label: string) =>
    `${label} heeft te veel cijfers achter de komma: hoogstens twee (centen).`,
  tooLarge: (label: string) => `${label} is te groot: hoogstens ${formatEuro(MAX_CENTS)}.`,
};

// Grouped thousands ("1.250.000") or plain digits ("1250000").
const GROUPED = /^\d{1,3}(\.\d{3})+$/;
const PLAIN = /^\d+$/;

/**
 * Reads an amount as people type it in Dutch: "1.250,00", "1250", "1250,5", "€ 1.250", "1250.50"
 * (a single point followed by one or two digits is read as a decimal point, because "1.250" is
 * twelve hundred and fifty in Dutch). Whatever is not clearly an amount is refused with a message
 * that says why: empty, negative, more than two decimals, too large, or not an amount at all.
 */
export function parseEuroCents(input: string, label = "Bedrag"): MoneyParse {
  let text = input.replace(/[\s\u00a0]/g, "");
  if (text === "") return { ok: false, message: moneyMessages.missing(label) };
  if (text.startsWith("€")) text = text.slice(1);
  if (text.startsWith("-") || text.startsWith("−") || text.startsWith("€-")) {
    return isAmountShaped(text.replace(/^€?[-−]€?/, ""))
      ? { ok: false, message: moneyMessages.negative(label) }
      : { ok: false, message: moneyMessages.notAnAmount(label) };
  }
  if (text.startsWith("+")) text = text.slice(1);
  if (text.endsWith(",-")) text = text.slice(0, -2);

  const split = splitAmount(text);
  if (!split) return { ok: false, message: moneyMessages.notAnAmount(label) };
  const { whole, fraction } = split;
  if (fraction.length > 2) return { ok: false, message: moneyMessages.tooManyDecimals(label) };

  // BigInt so an absurdly long digit string is compared exactly, not rounded.
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0") || "0");
  if (cents > BigInt(MAX_CENTS)) return { ok: false, message: moneyMessages.tooLarge(label) };
  return { ok: true, cents: Number(cents) };
}

/** The whole euros (digits only, no separators) and the decimals as typed, or null. */
function splitAmount(text: string): { whole: string; fraction: string } | null {
  const commas = text.split(",").length - 1;
  if (commas > 1) return null;
  if (commas === 1) {
    const [whole = "", fraction = ""] = text.split(",");
    if (!/^\d*$/.test(fraction) || (whole === "" && fraction === "")) return null;
    const w = whole === "" ? "0" : whole;
    if (!PLAIN.test(w) && !GROUPED.test(w)) return null;
    return { whole: w.replaceAll(".", ""), fraction };
  }
  if (PLAIN.test(text) || GROUPED.test(text))
    return { whole: text.replaceAll(".", ""), fraction: "" };
  // One point with digits after it that cannot be a thousands group: a decimal point.
  const decimal = /^(\d*)\.(\d+)$/.exec(text);
  if (decimal && decimal[2] !== undefined && decimal[2].length !== 3) {
    return { whole: decimal[1] || "0", fraction: decimal[2] };
  }
  return null;
}

function isAmountShaped(text: string): boolean {
  return splitAmount(text) !== null;
}

/** "1.250,00" for a form field: the amount as a person would type it, without the euro sign. */
export function formatAmountInput(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(Math.trunc(cents));
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const fraction = (abs % 100).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${whole},${fraction}`;
}

/** "€ 1.250,00": an amount in cents for display. */
export function formatEuro(cents: number): string {
  return `€ ${formatAmountInput(cents)}`;
}
