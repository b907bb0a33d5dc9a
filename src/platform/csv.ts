/**
 * RFC 4180 CSV: quoted fields may hold the separator, quotes ("") and line breaks.
 * Returns rows of raw strings; the caller validates and converts.
 */
export function parseCsv(text: string, separator = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let inQuotes = false;
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (inQuotes) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"' && field === "") inQuotes = true;
    else if (ch === separator) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && input[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (inQuotes) throw new Error("CSV eindigt binnen een veld tussen aanhalingstekens.");
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}

/** Parses CSV with a header row into records keyed by column name. */
export function parseCsvRecords(text: string, separator = ","): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text, separator);
  if (!header) return [];
  return rows.map((cells) =>
    Object.fromEntries(header.map((name, i) => [name.trim(), cells[i] ?? ""])),
  );
}

/**
 * Spreadsheets run a cell that starts with =, +, - or @ as a formula, and some strip a leading tab or
 * carriage return and then do the same (CSV injection, OWASP). Such a cell gets a leading ' so it is
 * shown as text. Leading quotes before a dangerous character count too, so that `unneutralise`
 * removes exactly what was added and every text reads back unchanged.
 */
const DANGEROUS_START = /^'*[=+\-@\t\r]/;
/**
 * A plain number such as -3 or -0,5 is left alone: the measurement export must stay importable
 * and readable as numbers. It holds only digits, one minus and one separator, so no function,
 * reference or link, whether a spreadsheet reads it as a number, a formula or text.
 */
const PLAIN_NUMBER = /^-?\d+([.,]\d+)?$/;

/** What `toCsv` writes for a text: prefixed with ' when a spreadsheet would run it. */
export function neutralise(value: string): string {
  return DANGEROUS_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/**
 * Undoes `neutralise` on a cell read from CSV: removes one leading ' before a character a
 * spreadsheet would run, so what Samenkracht exported imports again as it was.
 */
export function unneutralise(cell: string): string {
  return cell.startsWith("'") && DANGEROUS_START.test(cell) ? cell.slice(1) : cell;
}

function escapeCell(raw: string): string {
  const value = neutralise(raw);
  // A neutralised cell is always quoted, as OWASP advises: the ' then stays part of the text.
  return value !== raw || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Every CSV export goes through here, so every cell is safe to open in a spreadsheet. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const line = (cells: readonly unknown[]) =>
    cells.map((c) => escapeCell(c === null || c === undefined ? "" : String(c))).join(",");
  return `${[line(header), ...rows.map(line)].join("\r\n")}\r\n`;
}
