import type { Db, Executor } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { assertValid, notFound } from "../../platform/errors.js";
import { recordAudit } from "../audit/index.js";
import {
  getOrganisationSummary,
  listOrganisationNames,
  matchOrganisation,
} from "../organisations/index.js";
import * as repo from "./partnership-member-repository.js";

const AUTOMATIC = "automatisch op naam";

/**
 * Sets a partnership's members to `names` (kept as the source writes them) and links each new one
 * to the organisation record its name or alias matches, in the caller's transaction.
 */
export async function syncMembers(
  tx: Executor,
  municipalityCode: string,
  partnershipId: string,
  given: string[],
) {
  const names = [...new Set(given)];
  await repo.syncMemberNames(tx, partnershipId, names);
  const organisations = await listOrganisationNames(tx, municipalityCode);
  for (const name of names) {
    const member = await repo.findMember(tx, partnershipId, name);
    if (!member || member.organisationId || member.linkedBy) continue;
    const found = matchOrganisation(name, organisations);
    if (found) await repo.setMemberOrganisation(tx, partnershipId, name, found.id, AUTOMATIC);
  }
}

/**
 * Links every member that is not linked yet and was never set by hand to the organisation its name
 * matches: after the organisations are loaded into a database whose partnerships came first.
 */
export async function linkMembersByName(db: Db, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const organisations = await listOrganisationNames(tx, actor.municipalityCode);
    let linked = 0;
    for (const { member } of await repo.allMembers(tx, actor.municipalityCode)) {
      if (member.organisationId || member.linkedBy) continue;
      const found = matchOrganisation(member.name, organisations);
      if (!found) continue;
      await repo.setMemberOrganisation(tx, member.partnershipId, member.name, found.id, AUTOMATIC);
      linked += 1;
    }
    if (linked > 0)
      await recordAudit(tx, actor, {
        action: "update",
        entityType: "samenwerkingsverband",
        entityId: actor.municipalityCode,
        summary: `${linked} leden van samenwerkingsverbanden op naam aan een organisatie gekoppeld`,
        after: { gekoppeld: linked },
      });
    return linked;
  });
}

/** Staff link a member to an organisation record, or undo a link (organisationId null). */
export async function linkMember(
  db: Db,
  actor: Actor,
  partnershipId: string,
  name: string,
  organisationId: string | null,
) {
  const organisation = organisationId
    ? await getOrganisationSummary(db, actor.municipalityCode, organisationId)
    : null;
  if (organisationId && !organisation)
    assertValid([
      { field: "organisatie", message: "Organisatie: kies een bestaande organisatie." },
    ]);
  return db.transaction(async (tx) => {
    const member = await repo.findMember(tx, partnershipId, name, true);
    if (!member) throw notFound(`Het samenwerkingsverband heeft geen lid "${name}".`);
    await repo.setMemberOrganisation(
      tx,
      partnershipId,
      name,
      organisation?.id ?? null,
      actor.publicName,
    );
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "samenwerkingsverband",
      entityId: partnershipId,
      summary: organisation
        ? `Lid "${name}" gekoppeld aan organisatie "${organisation.name}"`
        : `Koppeling van lid "${name}" ongedaan gemaakt`,
      before: member,
      after: { organisationId: organisation?.id ?? null },
    });
    return { member, organisation };
  });
}

export const membersOf = repo.membersOf;
export const unlinkedMembers = repo.unlinkedMembers;
export const partnershipsOfOrganisation = repo.partnershipsOfOrganisation;
