import fc from "fast-check";

/**
 * A JSON token written as is: numbers JSON.stringify cannot produce (1e309, 99999999999999999999999,
 * -0) or text that is no JSON at all. In query strings and forms it is sent as its text.
 */
export class Raw {
  constructor(readonly text: string) {}
}

/** A generated value: anything JSON can hold, plus Raw tokens. */
export type Value = null | boolean | number | string | Raw | Value[] | { [key: string]: Value };

/** Sets an own property, also for "__proto__" (plain assignment would change the prototype). */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** JSON text of a generated value, with Raw tokens written verbatim. */
export function toJsonText(value: Value): string {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The value as one query-string or form field, as a browser would send it (before encoding). */
export function toFieldText(value: Value): string {
  if (value instanceof Raw) return value.text;
  if (typeof value === "string") return value;
  return toJsonText(value);
}

/**
 * Percent-encodes like encodeURIComponent, but never throws: a lone surrogate (which
 * encodeURIComponent refuses) is sent as its CESU-8 bytes (`%ED%A0%80`), invalid UTF-8 that a
 * careless client writes and the server has to survive.
 */
export function encodeComponent(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += `%${(0xe0 | (code >> 12)).toString(16).toUpperCase()}%${(0x80 | ((code >> 6) & 0x3f)).toString(16).toUpperCase()}%${(0x80 | (code & 0x3f)).toString(16).toUpperCase()}`;
    } else {
      out += encodeURIComponent(ch);
    }
  }
  return out;
}

export const LONG = "x".repeat(10_000);

/** Strings that break careless code: NUL and control characters, odd Unicode, injections, huge. */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u0001\u0002\u001f\u007f",
  "regel\r\nX-Kop: waarde",
  "\t\v\f",
  "\u202Eomgekeerd",
  "\u200B",
  "\uFEFF",
  "\uD800",
  "a\uDC00b",
  "👩‍👩‍👧",
  "€",
  "é".normalize("NFD"),
  "%00",
  "%E0%A4%A",
  "%",
  "%zz",
  "' OR 1=1 --",
  "'); drop table accounts; --",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "../../etc/passwd",
  "\\..\\..\\windows",
  "//evil.example/",
  "javascript:alert(1)",
  "https://evil.example/",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e309",
  "-1e309",
  "99999999999999999999999",
  "-99999999999999999999999",
  "2147483648",
  "-2147483649",
  "0x10",
  "1,5",
  "1.000.000,50",
  "-1",
  "0",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "2020-02-30",
  "9999-99-99",
  "0000-00-00",
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
  "GM0356",
  "WK035601",
  "BU03560000",
  "XX99999999999",
  "begroting-2020",
  "a".repeat(101),
  "a".repeat(301),
  "a".repeat(5001),
  LONG,
];

/** Numbers out of every column's range, and tokens that are barely (or not) numbers. */
export const HOSTILE_NUMBERS: readonly Value[] = [
  new Raw("1e309"),
  new Raw("-1e309"),
  new Raw("99999999999999999999999"),
  new Raw("-99999999999999999999999"),
  new Raw("1e30"),
  new Raw("-1e30"),
  new Raw("1e-400"),
  new Raw("4.9e-324"),
  new Raw("-0"),
  new Raw("1.0"),
  2147483648,
  -2147483649,
  new Raw("9007199254740993"),
  Number.MAX_SAFE_INTEGER,
  -1,
  0,
  0.5,
  2100.5,
  1e12,
  -1e12,
  1899,
  2101,
];

const deepArray = (depth: number): Value => {
  let v: Value = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

/** Values of the wrong type for any field. */
export const WRONG_TYPES: readonly Value[] = [
  null,
  true,
  false,
  [],
  {},
  [1, 2],
  ["a", "b"],
  { a: 1 },
  new Raw('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}'),
  deepArray(200),
];

/** One hostile value of any kind. */
export const hostileValue = (): fc.Arbitrary<Value> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom<Value>(...HOSTILE_STRINGS) },
    { weight: 3, arbitrary: fc.constantFrom<Value>(...HOSTILE_NUMBERS) },
    { weight: 2, arbitrary: fc.constantFrom<Value>(...WRONG_TYPES) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  );

/** Path segments as sent on the wire (already encoded, some of them badly on purpose). */
export const HOSTILE_SEGMENTS: readonly string[] = [
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "%00",
  "a%00b",
  "%01%1F",
  "%E0%A4%A",
  "%",
  "%zz",
  "%C0%AE%C0%AE",
  "%ED%A0%80",
  "%E2%82%AC",
  "%2F",
  "..",
  "%2E%2E",
  ".",
  "99999999999999999999999",
  "1e309",
  "-1",
  "0",
  "NaN",
  "Infinity",
  "1.5",
  "%27%20OR%201%3D1",
  "%3Cscript%3E",
  "a".repeat(100),
  "a".repeat(101),
  "a".repeat(2000),
  "WK035601%00",
  "begroting-2020%0A",
  "%20",
];
