import { and, asc, eq, inArray, isNull, notInArray } from "drizzle-orm";
import type { Executor } from "../../db/executor.js";
import { organisations } from "../organisations/index.js";
import { partnershipMembers, partnerships } from "./schema.js";

export type MemberRow = typeof partnershipMembers.$inferSelect;

/** The members of the given partnerships with the organisation each is linked to, if any. */
export async function membersOf(db: Executor, partnershipIds: string[]) {
  if (partnershipIds.length === 0) return [];
  return db
    .select({
      partnershipId: partnershipMembers.partnershipId,
      name: partnershipMembers.name,
      organisation: { id: organisations.id, slug: organisations.slug, name: organisations.name },
    })
    .from(partnershipMembers)
    .leftJoin(organisations, eq(organisations.id, partnershipMembers.organisationId))
    .where(inArray(partnershipMembers.partnershipId, partnershipIds))
    .orderBy(asc(partnershipMembers.name));
}

/** Keeps the member rows equal to the names: removed names go, new names come unlinked. */
export async function syncMemberNames(tx: Executor, partnershipId: string, names: string[]) {
  await tx
    .delete(partnershipMembers)
    .where(
      names.length > 0
        ? and(
            eq(partnershipMembers.partnershipId, partnershipId),
            notInArray(partnershipMembers.name, names),
          )
        : eq(partnershipMembers.partnershipId, partnershipId),
    );
  if (names.length > 0)
    await tx
      .insert(partnershipMembers)
      .values(names.map((name) => ({ partnershipId, name })))
      .onConflictDoNothing();
}

/** Members without an organisation record, with their partnership, for staff to link. */
export async function unlinkedMembers(db: Executor, municipalityCode: string) {
  return db
    .select({
      partnershipId: partnerships.id,
      partnershipSlug: partnerships.slug,
      partnershipName: partnerships.name,
      name: partnershipMembers.name,
    })
    .from(partnershipMembers)
    .innerJoin(partnerships, eq(partnerships.id, partnershipMembers.partnershipId))
    .where(
      and(
        eq(partnerships.municipalityCode, municipalityCode),
        eq(partnerships.archived, false),
        isNull(partnershipMembers.organisationId),
      ),
    )
    .orderBy(asc(partnerships.name), asc(partnershipMembers.name));
}

/** Every member row of the municipality's partnerships (to link by name after a load). */
export async function allMembers(db: Executor, municipalityCode: string) {
  return db
    .select({ member: partnershipMembers })
    .from(partnershipMembers)
    .innerJoin(partnerships, eq(partnerships.id, partnershipMembers.partnershipId))
    .where(eq(partnerships.municipalityCode, municipalityCode));
}

export async function findMember(tx: Executor, partnershipId: string, name: string, lock = false) {
  const query = tx
    .select()
    .from(partnershipMembers)
    .where(
      and(eq(partnershipMembers.partnershipId, partnershipId), eq(partnershipMembers.name, name)),
    );
  const [row] = await (lock ? query.for("update") : query);
  return row;
}

export async function setMemberOrganisation(
  tx: Executor,
  partnershipId: string,
  name: string,
  organisationId: string | null,
  linkedBy: string | null,
) {
  await tx
    .update(partnershipMembers)
    .set({ organisationId, linkedBy })
    .where(
      and(eq(partnershipMembers.partnershipId, partnershipId), eq(partnershipMembers.name, name)),
    );
}

/** The partnerships an organisation is a member of (for its page). */
export async function partnershipsOfOrganisation(db: Executor, organisationId: string) {
  return db
    .select({
      slug: partnerships.slug,
      name: partnerships.name,
      memberName: partnershipMembers.name,
    })
    .from(partnershipMembers)
    .innerJoin(partnerships, eq(partnerships.id, partnershipMembers.partnershipId))
    .where(
      and(eq(partnershipMembers.organisationId, organisationId), eq(partnerships.archived, false)),
    )
    .orderBy(asc(partnerships.name));
}
