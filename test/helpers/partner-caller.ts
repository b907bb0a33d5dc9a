import { createAccount, login, SESSION_COOKIE } from "../../src/modules/accounts/index.js";
import { issueApiToken } from "../../src/modules/accounts/token-service.js";
import { listOrganisationChoices } from "../../src/modules/organisations/index.js";
import { systemActor } from "../../src/platform/actor.js";
import type { TestApp } from "./app.js";
import { jsonRequest } from "./app.js";
import { insertSubsidyWithAgreements } from "./partners.js";

const PASSWORD = "correct-horse-battery-staple";
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The authorised caller of a partner's own routes: a partner account of a formal organisation with a
 * granted subsidy (an agreed indicator, two reports due), a submitted report (for the staff review)
 * and a concept (for the partner's edit pages). Returns its session cookie, a way to log in again,
 * and a valid API token of the same account.
 */
export async function partnerCaller(t: TestApp) {
  const db = t.database.db;
  const m = t.tenant.municipality.code;
  const actor = systemActor(m);
  const organisation = (await listOrganisationChoices(db, m)).find((o) => o.kind === "formeel");
  if (!organisation) throw new Error("the data set has no formal organisation");
  const indicator = (await t.app.inject({ url: "/api/v1/indicatoren" })).json().indicatoren[0];
  const subsidy = await insertSubsidyWithAgreements(db, m, {
    organisationId: organisation.id,
    year: new Date().getUTCFullYear(),
    indicators: indicator ? [{ indicatorId: indicator.id, target: 10 }] : [],
    requirements: [{ dueOn: day(30) }, { dueOn: day(-10), kind: "tussenrapportage" }],
  });
  // A new account each time: the beheerder's generated requests may deactivate or reset any account.
  let made = 0;
  const newAccount = async () => {
    made += 1;
    const username = `fuzz-partner-${made}`;
    const { account } = await createAccount(db, actor, {
      username,
      displayName: "Fuzz-partner",
      role: "partner",
      scope: organisation.id,
      scopeLabel: organisation.name,
      password: PASSWORD,
    });
    const s = await login(db, username, PASSWORD);
    if (!s) throw new Error("the fuzz partner cannot log in");
    return { account, cookie: `${SESSION_COOKIE}=${s.token}` };
  };
  const first = await newAccount();
  const session = async () => (await newAccount()).cookie;
  const cookie = first.cookie;
  const [due, overdue] = subsidy.requirementIds;
  const start = async (requirement: string | undefined) => {
    const res = await jsonRequest(
      t.app,
      "POST",
      "/api/v1/verantwoordingen",
      { subsidie: subsidy.id, verplichting: requirement, verhaal: "Fuzz-verhaal", inzet: "Inzet" },
      cookie,
    );
    if (res.statusCode !== 201)
      throw new Error(`report not created: ${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };
  const submitted = await start(overdue);
  await jsonRequest(t.app, "POST", `/api/v1/verantwoordingen/${submitted}/indienen`, {}, cookie);
  await start(due);
  const expires = day(30);
  const token = await issueApiToken(db, actor, {
    accountId: first.account.id,
    name: "fuzz-partner",
    expires,
  });
  return { cookie, session, token: token.token };
}
