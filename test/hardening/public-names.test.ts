import { describe, expect, it } from "vitest";
import { jsonRequest, useTestApp } from "../helpers/app.js";

const t = useTestApp(["beleidsmedewerker"]);
const staff = () => t.cookie("beleidsmedewerker");

describe("public pages never name staff", () => {
  it("status history, published versions and added items say the role, not the person", async () => {
    // The test helper names its accounts "test-<role>-<n>" with display name "Test <role>".
    const person = /test-beleidsmedewerker-\d+|Test beleidsmedewerker/;
    const [activity] = (
      await t.app.inject({ url: "/api/v1/activiteiten?document=begroting-2020&jaar=2020" })
    ).json().activiteiten;
    const changed = await jsonRequest(
      t.app,
      "PATCH",
      `/api/v1/activiteiten/${activity.id}/jaren/${activity.jaar}`,
      { status: "extra", realisatie: "Gedaan" },
      staff(),
    );
    expect(changed.statusCode).toBe(200);
    const published = await jsonRequest(
      t.app,
      "POST",
      "/api/v1/beleidsdocumenten/begroting-2020/publicaties",
      undefined,
      staff(),
    );
    expect(published.statusCode).toBe(201);
    const version = published.json().versie;

    const activityPage = await t.app.inject({ url: `/activiteiten/${activity.id}` });
    expect(activityPage.body).toContain("Gemeente (beleidsmedewerker)");
    const publicResponses = [
      activityPage,
      await t.app.inject({ url: `/beleid/begroting-2020/versies/${version}` }),
      await t.app.inject({
        url: `/api/v1/beleidsdocumenten/begroting-2020/publicaties/${version}`,
      }),
      await t.app.inject({ url: `/api/v1/activiteiten?document=begroting-2020&jaar=2020` }),
      await t.app.inject({ url: "/beleid/begroting-2020" }),
    ];
    for (const res of publicResponses) {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toMatch(person);
    }
    const versionJson = publicResponses[2]?.json();
    expect(JSON.stringify(versionJson)).toContain("Gemeente (beleidsmedewerker)");
  });
});
