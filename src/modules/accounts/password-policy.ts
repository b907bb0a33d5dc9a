import { readFileSync } from "node:fs";
import { fromRoot } from "../../config/paths.js";
import type { FieldError } from "../../platform/errors.js";

export const MIN_PASSWORD_LENGTH = 12;
/**
 * The same maximum for setting and for checking a password (NIST SP 800-63B allows at least 64):
 * a longer login attempt is refused without hashing, so it cannot cost the server argon2 time.
 */
export const MAX_PASSWORD_LENGTH = 128;

let commonList: ReadonlySet<string> | undefined;
/** The shipped list of common and breached passwords (data/wachtwoorden, MIT, see its README). */
export function commonPasswords(): ReadonlySet<string> {
  commonList ??= new Set(
    readFileSync(fromRoot("data/wachtwoorden/veelgebruikt.txt"), "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
  );
  return commonList;
}

const normalise = (text: string) => text.normalize("NFKC").toLowerCase();

const KEYBOARD_ROWS = [
  "1234567890",
  "qwertyuiop",
  "asdfghjkl",
  "zxcvbnm",
  // A walk along the whole keyboard, row after row: "qwertyuiopasdf".
  "qwertyuiopasdfghjklzxcvbnm",
  "abcdefghijklmnopqrstuvwxyz",
];

/** Every character one step up or down an alphabet or keyboard row from the previous one: "123456", "qwerty", "fedcba". */
function isSequence(text: string): boolean {
  if (text.length < 3) return false;
  return KEYBOARD_ROWS.some((row) => {
    const forward = row + row;
    const backward = [...forward].reverse().join("");
    return forward.includes(text) || backward.includes(text);
  });
}

/** The whole text is one short unit repeated: "aaaaaaaaaaaa", "abcabcabcabc", "12121212". */
function isRepetition(text: string): boolean {
  for (let size = 1; size <= text.length / 2; size++) {
    if (text.length % size === 0 && text.slice(0, size).repeat(text.length / size) === text)
      return true;
  }
  return false;
}

/** Digits and symbols that add nothing an attacker would not try first: "123456", "2026", "123456!", "!!". */
function isPredictableAffix(affix: string): boolean {
  const digits = affix.replace(/[!?.#@*$_-]+$/, "").replace(/^[!?.#@*$_-]+/, "");
  return digits === "" || isSequence(digits) || isRepetition(digits) || /^\d{1,4}$/.test(digits);
}

/**
 * Why this password may not be used, as a Dutch message for the form field (named by its label);
 * empty when it is fine.
 * A pure rule (NIST SP 800-63B §5.1.1.2): length, the common list, a common word with predictable
 * digits or symbols around it ("password123456", "Welkom2026!"), sequences and repetitions, and
 * words of the context (username, name, the application, the municipality).
 */
export function passwordProblems(
  password: string,
  context: {
    username?: string | undefined;
    displayName?: string | undefined;
    extraWords?: readonly string[];
  } = {},
  form: { field?: string; label?: string } = {},
  list: ReadonlySet<string> = commonPasswords(),
): FieldError[] {
  const field = form.field ?? "wachtwoord";
  const label = form.label ?? "wachtwoord";
  const problem = (message: string): FieldError[] => [{ field, message: `${label}: ${message}` }];
  if (password.length < MIN_PASSWORD_LENGTH) {
    return problem(`te kort, minstens ${MIN_PASSWORD_LENGTH} tekens.`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return problem(`te lang, hoogstens ${MAX_PASSWORD_LENGTH} tekens.`);
  }
  const text = normalise(password);
  if (list.has(text)) {
    return problem(
      "dit wachtwoord staat op de lijst van veelgebruikte of gelekte wachtwoorden. Kies een ander.",
    );
  }
  if (isSequence(text) || isRepetition(text)) {
    return problem(
      "een reeks of herhaling (zoals 123456789012 of aaaaaaaaaaaa) is te makkelijk te raden.",
    );
  }
  // The core between leading and trailing digits and symbols: "password" in "password123456".
  const match = /^([^\p{L}]*)(.*?)([^\p{L}]*)$/u.exec(text);
  const [, before = "", core = "", after = ""] = match ?? [];
  if (
    core.length >= 3 &&
    list.has(core) &&
    isPredictableAffix(before) &&
    isPredictableAffix(after)
  ) {
    return problem(
      `een veelgebruikt woord ("${core}") met cijfers of tekens ervoor of erna is te makkelijk te raden. Kies bijvoorbeeld een zin van een paar woorden.`,
    );
  }
  const words = [
    context.username,
    ...(context.displayName?.split(/\s+/) ?? []),
    "samenkracht",
    ...(context.extraWords ?? []),
  ]
    .map((word) => normalise(word ?? "").trim())
    .filter((word) => word.length >= 4);
  const personal = words.find((word) => text.includes(word));
  if (personal) {
    return problem(
      `bevat "${personal}" (uw naam, gebruikersnaam of de naam van de toepassing). Kies een ander.`,
    );
  }
  return [];
}
