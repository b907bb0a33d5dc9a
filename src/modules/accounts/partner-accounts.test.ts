import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../test/helpers/database.js";
import { systemActor } from "../../platform/actor.js";
import { deactivateAccount } from "./admin-service.js";
import { listPartnerAccountIds } from "./index.js";
import { createAccount } from "./service.js";

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("partner accounts of an organisation", () => {
  it("lists the active accounts whose partner grant has the organisation as scope", async () => {
    const actor = systemActor("GM0356");
    const organisation = randomUUID();
    const other = randomUUID();
    const make = async (username: string, role: "partner" | "buurtverbinder", scope: string) =>
      (
        await createAccount(database.db, actor, {
          username,
          displayName: username,
          role,
          scope,
          password: "correct-horse-battery-staple",
        })
      ).account.id;
    const first = await make("partner-een", "partner", organisation);
    const second = await make("partner-twee", "partner", organisation);
    await make("partner-ander", "partner", other);
    // The same scope under another role is not a partner of the organisation.
    await make("verbinder", "buurtverbinder", organisation);
    await make("oud-lid", "partner", organisation).then((id) =>
      deactivateAccount(database.db, actor, id),
    );
    expect(await listPartnerAccountIds(database.db, organisation)).toEqual([first, second].sort());
    expect(await listPartnerAccountIds(database.db, randomUUID())).toEqual([]);
  });
});
