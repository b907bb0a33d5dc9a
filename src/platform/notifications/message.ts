/**
 * What a notification may hold and how its e-mail reads: pure rules, tested on their own. A
 * notification is written by code, not typed into a form, so a broken one is a programming error
 * of the caller: notify refuses it before anything is stored.
 */

export const SUBJECT_MAX = 200;
export const BODY_MAX = 5_000;
export const LINK_MAX = 2_000;

/** What a module passes to notify: for whom, and what the message says and points to. */
export interface NotificationInput {
  municipalityCode: string;
  /** accounts.id of the recipient. */
  accountId: string;
  /** One line: the page's list item and the e-mail's subject. */
  subject: string;
  body: string;
  /** A path on this site, e.g. "/beleid/beleidskader-2026"; the e-mail makes it absolute. */
  link?: string | null | undefined;
}

// Line breaks and tabs are text; other control characters are not (and a subject is one line).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_BREAK = /[\r\n\t]/;

/**
 * A path on this site: starts with one slash (not "//host", which a browser reads as another
 * site), printable ASCII without spaces or backslashes, within LINK_MAX characters.
 */
export function isSitePath(link: string): boolean {
  return link.length <= LINK_MAX && /^\/(?![/\\])[\x21-\x7e]*$/.test(link) && !link.includes("\\");
}

const ELLIPSIS = "…";
const MORE = "\n\n(Ingekort: de volledige tekst staat in Samenkracht.)";

/** `text` within `max` characters: cut with an ellipsis (and `tail`), never inside a character. */
function shorten(text: string, max: number, tail = ""): string {
  if (text.length <= max) return text;
  const kept = text.slice(0, Math.max(0, max - ELLIPSIS.length - tail.length));
  return `${kept.replace(/[\uD800-\uDBFF]$/, "")}${ELLIPSIS}${tail}`;
}

/**
 * A message that quotes what people wrote (a reviewer's comment, an organisation's name) can be
 * longer than a notification holds: its subject and text are shortened to fit, the text saying so
 * (the linked page has it all). What fits is left exactly as it is.
 */
export function fitMessage<T extends NotificationInput>(input: T): T {
  const subject = input.subject.trim();
  const body = input.body.trim();
  return {
    ...input,
    subject: shorten(subject, SUBJECT_MAX),
    body: shorten(body, BODY_MAX, MORE),
  };
}

/** Why a notification cannot be sent, in Dutch; empty when it can. */
export function notificationProblems(input: NotificationInput): string[] {
  const problems: string[] = [];
  const subject = input.subject.trim();
  if (subject === "") problems.push("Het onderwerp van een melding is verplicht.");
  if (subject.length > SUBJECT_MAX)
    problems.push(`Het onderwerp van een melding is te lang (hoogstens ${SUBJECT_MAX} tekens).`);
  if (CONTROL.test(subject) || LINE_BREAK.test(subject))
    problems.push("Het onderwerp van een melding is één regel zonder stuurtekens.");
  if (input.body.trim() === "") problems.push("De tekst van een melding is verplicht.");
  if (input.body.length > BODY_MAX)
    problems.push(`De tekst van een melding is te lang (hoogstens ${BODY_MAX} tekens).`);
  if (CONTROL.test(input.body)) problems.push("De tekst van een melding bevat stuurtekens.");
  if (input.link != null && !isSitePath(input.link))
    problems.push("De link van een melding is een pad op deze site, zoals /beleid.");
  return problems;
}

/** The public address of a site path; PUBLIC_URL may have a path of its own (a sub-folder). */
export const absoluteLink = (publicUrl: string, path: string) =>
  `${publicUrl.replace(/\/+$/, "")}${path}`;

/** The text of the e-mail: the message, the absolute link, and where all messages are. */
export function mailText(message: { body: string; link: string | null }, publicUrl: string) {
  const parts = [message.body.trim()];
  if (message.link)
    parts.push(`Bekijk het in Samenkracht: ${absoluteLink(publicUrl, message.link)}`);
  parts.push(
    `--\nU ontvangt deze e-mail omdat u een account heeft bij Samenkracht. Al uw meldingen staan op ${absoluteLink(publicUrl, "/meldingen")}.`,
  );
  return `${parts.join("\n\n")}\n`;
}

/**
 * The Message-ID of an outbox row: the same for every attempt, so a mail server or reader that
 * got an earlier attempt after all can tell the repeat.
 */
export const messageIdFor = (outboxId: string, publicUrl: string) =>
  `<${outboxId}@${new URL(publicUrl).hostname || "localhost"}>`;
