import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../db/executor.js";
import type { Job } from "../../platform/jobs/index.js";
import { notify } from "../../platform/notifications/index.js";
import { listPartnerAccountIds } from "../accounts/index.js";
import { type DueRequirement, listDueRequirements } from "./reads.js";
import * as repo from "./repository.js";
import { isoDay } from "./rules.js";

export const REMINDER_JOB = "verantwoordingen-herinnering";

const dutchDate = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString("nl-NL", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

/** The reminder's text for one requirement at its stage. */
export function reminderMessage(r: DueRequirement) {
  const what = `Verantwoording ${r.organisationName} (subsidie ${r.subsidyYear})`;
  const due = dutchDate(r.dueOn);
  return r.stage === "verlopen"
    ? {
        subject: `${what}: de termijn is verstreken`,
        body: `De verantwoording moest uiterlijk ${due} zijn ingediend en is nog niet binnen. Dien haar zo snel mogelijk in, of neem contact op met de gemeente.`,
      }
    : {
        subject: `${what}: indienen uiterlijk ${due}`,
        body: `Over ${r.days === 0 ? "minder dan een dag" : r.days === 1 ? "één dag" : `${r.days} dagen`} (${due}) moet de verantwoording zijn ingediend.${r.description ? ` Gevraagd: ${r.description}` : ""}`,
      };
}

/**
 * Reminds the partner accounts of every requirement due within 14 days or overdue without a
 * submitted report, at most once per requirement and stage: the claim (report_reminders) and the
 * messages are one transaction per requirement, so a failure leaves it to the next run and two
 * instances never both send it. A requirement whose organisation has no partner account yet is not
 * claimed: its partners hear it once they have an account.
 */
export async function sendReminders(
  db: Db,
  municipalityCode: string,
  now: Date,
  log?: FastifyBaseLogger,
): Promise<number> {
  let sent = 0;
  for (const r of await listDueRequirements(db, municipalityCode, isoDay(now))) {
    const recipients = await listPartnerAccountIds(db, r.organisationId);
    if (recipients.length === 0) continue;
    const done = await db.transaction(async (tx) => {
      if (
        !(await repo.claimReminder(tx, { municipalityCode, requirementId: r.id, stage: r.stage }))
      )
        return false;
      const link = r.report ? `/verantwoordingen/${r.report.id}` : "/partner/verantwoordingen";
      for (const accountId of recipients)
        await notify(tx, { municipalityCode, accountId, link, ...reminderMessage(r) });
      return true;
    });
    if (done) sent += 1;
  }
  if (sent > 0) log?.info({ herinneringen: sent }, "herinneringen voor verantwoordingen verstuurd");
  return sent;
}

/** The daily job for the app's JobRegistry. */
export const reminderJob = (municipalityCode: string): Job => ({
  name: REMINDER_JOB,
  everyMinutes: 24 * 60,
  run: (db, now, log) => sendReminders(db, municipalityCode, now, log).then(() => undefined),
});
