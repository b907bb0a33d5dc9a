/**
 * What is kept of an error in a table column or a log line: its message on one line, e-mail
 * addresses left out (an SMTP server names the recipient in its refusals; the log must not) and
 * cut to a length a row and a page can show.
 */
export const ERROR_TEXT_MAX = 500;

const ADDRESS = /[^\s<>()",;@]+@[^\s<>()",;@]+/g;

export function errorText(error: unknown, max = ERROR_TEXT_MAX): string {
  const raw = error instanceof Error ? error.message || error.name : String(error);
  const text = raw.replace(ADDRESS, "[adres]").replace(/\s+/g, " ").trim() || "onbekende fout";
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
