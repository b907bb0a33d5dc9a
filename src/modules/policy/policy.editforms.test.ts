import { describe, expect, it } from "vitest";
import { apiCaller, submitForm, useTestApp } from "../../../test/helpers/app.js";

const t = useTestApp(["beleidsmedewerker"]);
const staff = () => t.cookie("beleidsmedewerker");

const call = apiCaller(t, staff);
/** Posts a form of `page` to `action` with the staff session. */
const postForm = (page: string, action: string, fields: Record<string, string>) =>
  submitForm(t.app, page, staff(), action, fields);
const goals = async () =>
  (
    await t.app.inject({ url: "/api/v1/doelen?document=beleidskader-2025-2030&niveau=resultaat" })
  ).json().doelen;

describe("edit forms", () => {
  it("edits a goal's SMART fields on its page, and refuses a bad year with a message", async () => {
    const goal = (await goals())[0];
    const page = await t.app.inject({ url: `/doelen/${goal.id}`, headers: { cookie: staff() } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Doel bewerken");
    const bad = await postForm(`/doelen/${goal.id}`, `/doelen/${goal.id}/bewerken`, {
      tekst: goal.tekst,
      streefjaar: "twintig",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Streefjaar moet een jaartal zijn.");
    const ok = await postForm(`/doelen/${goal.id}`, `/doelen/${goal.id}/bewerken`, {
      tekst: goal.tekst,
      streefwaarde: "20 plekken",
      streefjaar: "2030",
      eigenaar: "Team Welzijn",
      gewicht: "2",
    });
    expect(ok.statusCode).toBe(303);
    const after = await t.app.inject({ url: `/doelen/${goal.id}` });
    expect(after.body).toContain("20 plekken");
    expect(after.body).toContain("Team Welzijn");
    expect(after.body).not.toContain("Doel bewerken");
  });

  it("moves a goal down among its siblings", async () => {
    const [first, second] = await goals();
    expect(
      (
        await postForm(`/doelen/${first.id}`, `/doelen/${first.id}/verplaatsen`, {
          richting: "omlaag",
        })
      ).statusCode,
    ).toBe(303);
    const [a, b] = await goals();
    expect([a.id, b.id]).toEqual([second.id, first.id]);
  });

  it("renames a section and archives another from the section page", async () => {
    const base = "/beleid/begroting-2020/onderdelen/woonwijs";
    const renamed = await postForm(base, `${base}/bewerken`, {
      titel: "Woonwijs (dementievriendelijk)",
      tekst: "",
    });
    expect(renamed.statusCode).toBe(303);
    expect((await t.app.inject({ url: base })).body).toContain("Woonwijs (dementievriendelijk)");
    const geld = "/beleid/begroting-2020/onderdelen/geldwijs";
    await postForm(geld, `${geld}/bewerken`, { titel: "Geldwijs", archiveren: "ja" });
    const doc = await t.app.inject({ url: "/beleid/begroting-2020" });
    expect(doc.body).not.toContain("Programma Geldwijs");
  });

  it("changes the document's reference and state from the document page", async () => {
    const res = await postForm(
      "/beleid/meerjarenopgave-welzijn-2021-2024",
      "/beleid/meerjarenopgave-welzijn-2021-2024/bewerken",
      {
        titel: "Meerjarenopgave Welzijn 2021-2024",
        status: "vervallen",
        vindplaats: "Raadsbesluit december 2020",
      },
    );
    expect(res.statusCode).toBe(303);
    const api = (
      await call("GET", "/api/v1/beleidsdocumenten/meerjarenopgave-welzijn-2021-2024")
    ).json();
    expect(api).toMatchObject({
      status: "vervallen",
      officieleVindplaats: "Raadsbesluit december 2020",
    });
  });

  it("records a realisation text with a status change", async () => {
    const a = (
      await t.app.inject({
        url: "/api/v1/activiteiten?document=begroting-2020&onderdeel=brede-toegang",
      })
    ).json().activiteiten[0];
    const res = await call("PATCH", `/api/v1/activiteiten/${a.id}/jaren/2020`, {
      status: "gerealiseerd",
      realisatie: "De verkenning is afgerond.",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().realisatie).toBe("De verkenning is afgerond.");
  });
});

describe("succession", () => {
  it("records that a document replaces another and shows it on both pages", async () => {
    const replaces = (vervangt: string) =>
      call("PATCH", "/api/v1/beleidsdocumenten/beleidskader-2025-2030", { vervangt });
    const res = await replaces("meerjarenopgave-welzijn-2021-2024");
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject({ url: "/beleid/beleidskader-2025-2030" })).body).toContain(
      "Vervangt",
    );
    expect(
      (await t.app.inject({ url: "/beleid/meerjarenopgave-welzijn-2021-2024" })).body,
    ).toContain("Vervangen door");
    const self = await replaces("beleidskader-2025-2030");
    expect(self.statusCode).toBe(400);
  });
});
