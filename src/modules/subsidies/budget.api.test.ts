import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiCaller, useTestApp } from "../../../test/helpers/app.js";
import { auditEntries } from "../audit/index.js";

// A finance system sets the planned amounts of the welfare budget per work area and year: exact
// cents, the same refusals as the staff form, a stale version is 409, every change audited.

const t = useTestApp(["beleidsmedewerker", "partner"]);
const api = apiCaller(t, () => t.cookie("beleidsmedewerker"));
const YEAR = 2027;

const budget = async () => (await api("GET", `/api/v1/begroting-welzijn?jaar=${YEAR}`)).json();
const line = async (code: string) =>
  (await budget()).werkgebieden.find((w: { code: string | null }) => w.code === code);

describe("the planned budget through the API", () => {
  it("sets, changes and removes the planned amount of a work area, exact in cents", async () => {
    const [first, second] = (await budget()).werkgebieden.filter(
      (w: { code: string | null }) => w.code !== null,
    );
    const url = (code: string) => `/api/v1/begroting-welzijn/${YEAR}/werkgebieden/${code}`;
    expect((await api("PUT", url(first.code), { geplandCent: 123_456_789 })).statusCode).toBe(204);
    expect((await api("PUT", url(second.code), { geplandCent: 1 })).statusCode).toBe(204);
    expect(await line(first.code)).toMatchObject({ geplandCent: 123_456_789, versie: 1 });
    expect((await budget()).totaal.geplandCent).toBe(123_456_790);

    expect((await api("PUT", url(first.code), { geplandCent: 100, versie: 1 })).statusCode).toBe(
      204,
    );
    // The version read before that change: 409, the amount stays.
    expect((await api("PUT", url(first.code), { geplandCent: 5, versie: 1 })).statusCode).toBe(409);
    expect(await line(first.code)).toMatchObject({ geplandCent: 100, versie: 2 });

    expect((await api("PUT", url(second.code), { geplandCent: null })).statusCode).toBe(204);
    expect(await line(second.code)).toMatchObject({ geplandCent: null, versie: null });
    const audit = await t.database.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.entityType, "begrotingspost"));
    // Two set, one changed, one removed; the refused one left nothing.
    expect(audit.map((a) => a.action).sort()).toEqual(["create", "create", "delete", "update"]);
  });

  it("refuses a negative, non-numeric or too large amount, an unknown work area and a partner", async () => {
    const code = (await budget()).werkgebieden.find((w: { code: string | null }) => w.code).code;
    const url = `/api/v1/begroting-welzijn/${YEAR}/werkgebieden/${code}`;
    const before = await line(code);
    for (const geplandCent of [-1, "1.000,00", 1e15, 1.5]) {
      const res = await api("PUT", url, { geplandCent });
      expect(res.statusCode, String(geplandCent)).toBe(400);
      expect(res.json().invalidParams[0].name).toBe("geplandCent");
    }
    expect(
      (
        await api("PUT", `/api/v1/begroting-welzijn/${YEAR}/werkgebieden/bestaat-niet`, {
          geplandCent: 1,
        })
      ).statusCode,
    ).toBe(404);
    expect((await api("PUT", url, { geplandCent: 1 }, t.cookie("partner"))).statusCode).toBe(403);
    expect(await line(code)).toEqual(before);
  });
});
