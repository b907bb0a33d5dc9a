import type { Db, Executor } from "../../db/executor.js";
import type { Actor } from "../../platform/actor.js";
import { assertValid, conflict, forbidden, notFound } from "../../platform/errors.js";
import { choiceProblem, problems, textProblem } from "../../platform/field-rules.js";
import { NAME_MAX, NOTE_MAX } from "../../platform/schema-types.js";
import { definedOnly, isUuid } from "../../platform/values.js";
import { relabelScope } from "../accounts/index.js";
import { listAreaSummaries } from "../areas/index.js";
import { recordAudit, recordCreated } from "../audit/index.js";
import { nameKey } from "./dataset.js";
import {
  type DirectoryEntry,
  type DirectoryFilter,
  matchesFilter,
  workAreaOverview,
} from "./directory.js";
import { cleanProfile, type ProfileInput, profileProblems } from "./profile-rules.js";
import * as repo from "./repository.js";
import { ORGANISATION_KINDS, type OrganisationKind } from "./schema.js";

export const DIRECTORY_PAGE_SIZE = 25;

/** Every organisation with where it works, and the work areas (to name and filter them). */
export async function loadDirectory(db: Executor, m: string) {
  const [rows, links, workAreas] = await Promise.all([
    repo.listOrganisationRows(db, m),
    repo.organisationLinks(db, m),
    repo.listWorkAreaRows(db, m),
  ]);
  const areaCode = new Map(workAreas.map((w) => [w.id, w.code]));
  const entries: DirectoryEntry[] = rows.map((o) => ({
    id: o.id,
    slug: o.slug,
    name: o.name,
    aliases: o.aliases,
    kind: o.kind,
    description: o.description,
    places: links.places
      .filter((p) => p.organisationId === o.id)
      .map((p) => ({ workAreaCode: areaCode.get(p.workAreaId) ?? "", placement: p.placement })),
    areaCodes: links.areas.filter((a) => a.organisationId === o.id).map((a) => a.areaCode),
  }));
  return { entries, workAreas };
}

/** The wijken an organisation can be filtered on, by name (the directory's choices). */
export const directoryWijken = async (db: Executor, m: string) =>
  (await listAreaSummaries(db, m, "wijk")).map((w) => ({ code: w.code, name: w.name }));

/** The directory page: one page of the organisations that pass the filter, and the work-area overview. */
export function directoryPage(
  { entries, workAreas }: Awaited<ReturnType<typeof loadDirectory>>,
  wijken: readonly { code: string; name: string }[],
  filter: DirectoryFilter,
  page = 1,
  pageSize = DIRECTORY_PAGE_SIZE,
) {
  const found = entries.filter((e) => matchesFilter(e, filter));
  const pages = Math.max(1, Math.ceil(found.length / pageSize));
  return {
    total: found.length,
    page,
    pages,
    entries: found.slice((page - 1) * pageSize, page * pageSize),
    overview: workAreaOverview(workAreas, entries),
    workAreas,
    wijken,
  };
}

/** One organisation with its work areas, functions (with their time split) and wijken. */
export async function getOrganisationPage(db: Executor, m: string, idOrSlug: string) {
  const row = await repo.findOrganisation(db, m, idOrSlug);
  if (!row) throw notFound(`Er is geen organisatie "${idOrSlug}".`);
  const [links, workAreas, functions, wijken] = await Promise.all([
    repo.organisationLinks(db, m, [row.id]),
    repo.listWorkAreaRows(db, m),
    repo.listFunctionRows(db, m),
    listAreaSummaries(db, m, "wijk"),
  ]);
  const workArea = new Map(workAreas.map((w) => [w.id, w]));
  return {
    organisation: row,
    places: links.places.map((p) => ({
      workArea: workArea.get(p.workAreaId) as repo.WorkAreaRow,
      placement: p.placement,
      source: p.source,
    })),
    functions: links.functions.flatMap((f) => {
      const fn = functions.find((x) => x.id === f.functionId);
      return fn ? [{ fn, workArea: workArea.get(fn.workAreaId), source: f.source }] : [];
    }),
    areas: links.areas.map((a) => ({
      code: a.areaCode,
      name: wijken.find((w) => w.code === a.areaCode)?.name ?? a.areaCode,
      source: a.source,
    })),
  };
}

/** The organisations a source places in a wijk (for the wijk page). */
export const organisationsInArea = repo.organisationsInArea;

export const listFunctions = (db: Executor, m: string) => repo.listFunctionRows(db, m);

export interface OrganisationInput extends ProfileInput {
  name?: string | undefined;
  aliases?: string[] | undefined;
  kind?: string | undefined;
  contactSource?: string | null | undefined;
  /** The version the editor saw: a change made in the meantime gives 409 instead of being overwritten. */
  version?: number | undefined;
}

/** Aliases as staff type them: one per line or comma-separated, each once. */
export const parseAliases = (text: string | undefined) => [
  ...new Set(
    (text ?? "")
      .split(/[\n,;]/)
      .map((a) => a.trim())
      .filter(Boolean),
  ),
];

/** A name or alias that another organisation of the municipality already has (one record each). */
async function nameTaken(tx: Executor, m: string, ownId: string, names: string[]) {
  const keys = new Set(names.map(nameKey));
  const others = (await repo.listOrganisationRows(tx, m)).filter((o) => o.id !== ownId);
  return others.find((o) => [o.name, ...o.aliases].some((n) => keys.has(nameKey(n))));
}

/** Staff change an organisation record directly: it is public at once (the municipality's own data). */
export async function editOrganisation(db: Db, actor: Actor, id: string, input: OrganisationInput) {
  assertValid([
    ...problems(
      input.name === undefined
        ? undefined
        : textProblem(input.name, { field: "naam", label: "Naam", max: NAME_MAX, required: true }),
      choiceProblem(input.kind, { field: "soort", label: "Soort", allowed: ORGANISATION_KINDS }),
      textProblem(input.contactSource, {
        field: "contactBron",
        label: "Bron van de contactgegevens",
        max: NOTE_MAX,
      }),
      input.aliases && (input.aliases.length > 20 || input.aliases.some((a) => a.length > NAME_MAX))
        ? {
            field: "aliassen",
            message: `Andere namen: hoogstens 20, elk hoogstens ${NAME_MAX} tekens.`,
          }
        : undefined,
    ),
    ...profileProblems(input),
  ]);
  return db.transaction(async (tx) => {
    const before = await repo.findOrganisation(tx, actor.municipalityCode, id, true);
    if (!before) throw notFound(`Er is geen organisatie "${id}".`);
    if (input.version !== undefined && input.version !== before.version)
      throw conflict(
        "De organisatie is intussen door iemand anders gewijzigd. Laad de pagina opnieuw en breng uw wijziging opnieuw aan.",
      );
    const name = input.name?.trim() ?? before.name;
    const aliases = input.aliases ?? before.aliases;
    const clash = await nameTaken(tx, actor.municipalityCode, before.id, [name, ...aliases]);
    if (clash)
      throw conflict(`Die naam hoort al bij "${clash.name}": een organisatie heeft één record.`, [
        {
          field: input.name !== undefined ? "naam" : "aliassen",
          message: `Naam of andere naam is al in gebruik bij "${clash.name}".`,
        },
      ]);
    const change = definedOnly({
      name: input.name?.trim(),
      aliases: input.aliases,
      kind: input.kind as OrganisationKind | undefined,
      contactSource:
        input.contactSource === undefined ? undefined : input.contactSource?.trim() || null,
      ...cleanProfile(input),
      version: before.version + 1,
    });
    await repo.updateOrganisation(tx, before.id, change);
    // Partner accounts are shown publicly by their organisation's name: keep that name current.
    if (change.name && change.name !== before.name)
      await relabelScope(tx, "partner", before.id, change.name);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "organisatie",
      entityId: before.id,
      summary: `Organisatie "${before.name}" gewijzigd`,
      before,
      after: change,
    });
    return { ...before, ...change };
  });
}

/**
 * A partner proposes a change to its own organisation's profile; nothing public changes until the
 * municipality approves it.
 */
export async function proposeProfileChange(
  db: Db,
  actor: Actor,
  ownOrganisationIds: readonly string[],
  organisationId: string,
  input: ProfileInput,
) {
  assertValid(profileProblems(input));
  if (!ownOrganisationIds.includes(organisationId))
    throw forbidden("U kunt alleen het profiel van uw eigen organisatie wijzigen.");
  return db.transaction(async (tx) => {
    const org = await repo.findOrganisation(tx, actor.municipalityCode, organisationId);
    if (!org) throw notFound(`Er is geen organisatie "${organisationId}".`);
    const proposed = definedOnly(cleanProfile(input));
    if (Object.keys(proposed).length === 0)
      assertValid([{ field: "omschrijving", message: "Wijzig ten minste één gegeven." }]);
    const row = await repo.insertProfileChange(tx, {
      organisationId: org.id,
      proposed,
      proposedBy: actor.accountId,
      proposedByName: actor.publicName,
    });
    await recordCreated(
      tx,
      actor,
      "organisatiewijziging",
      row,
      `Wijziging van het profiel van "${org.name}" voorgesteld`,
    );
    return { change: row, organisation: org };
  });
}

export const listProfileChanges = repo.listProfileChanges;

/** Staff approve (the profile changes, with the partner named as source) or reject a proposal. */
export async function reviewProfileChange(
  db: Db,
  actor: Actor,
  changeId: string,
  decision: { approve: boolean; note?: string | undefined },
) {
  assertValid(
    problems(
      textProblem(decision.note, {
        field: "toelichting",
        label: "Toelichting",
        max: NOTE_MAX,
        required: !decision.approve,
      }),
    ),
  );
  return db.transaction(async (tx) => {
    // A malformed id is as absent as an unknown one (never a query on a uuid column).
    const change = isUuid(changeId) ? await repo.findProfileChange(tx, changeId, true) : undefined;
    const org =
      change &&
      (await repo.findOrganisation(tx, actor.municipalityCode, change.organisationId, true));
    if (!change || !org) throw notFound("Dit wijzigingsvoorstel bestaat niet.");
    if (change.state !== "ingediend")
      throw conflict(
        `Dit voorstel is al ${change.state === "goedgekeurd" ? "goedgekeurd" : "afgewezen"}.`,
      );
    const state = decision.approve ? "goedgekeurd" : "afgewezen";
    await repo.reviewProfileChange(tx, change.id, {
      state,
      reviewNote: decision.note?.trim() || null,
      reviewedByName: actor.publicName,
    });
    if (decision.approve) {
      const contact =
        change.proposed.website !== undefined ||
        change.proposed.phone !== undefined ||
        change.proposed.email !== undefined;
      const update = {
        ...change.proposed,
        ...(contact
          ? { contactSource: `Opgegeven door ${org.name}, goedgekeurd door de gemeente` }
          : {}),
        version: org.version + 1,
      };
      await repo.updateOrganisation(tx, org.id, update);
      await recordAudit(tx, actor, {
        action: "update",
        entityType: "organisatie",
        entityId: org.id,
        summary: `Profielwijziging van "${org.name}" goedgekeurd`,
        before: org,
        after: update,
      });
    } else {
      await recordAudit(tx, actor, {
        action: "update",
        entityType: "organisatiewijziging",
        entityId: change.id,
        summary: `Profielwijziging van "${org.name}" afgewezen`,
        before: change,
        after: { state, note: decision.note },
      });
    }
    return { organisation: org, state };
  });
}

export const searchOrganisations = repo.searchOrganisations;
export const organisationNames = async (db: Executor, m: string) =>
  (await repo.listOrganisationRows(db, m)).flatMap((o) => [o.name, ...o.aliases]);
