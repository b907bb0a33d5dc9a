import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  formPost,
  formSession,
  secondInstance,
  type TestApp,
  useTestApp,
} from "../../../test/helpers/app.js";
import { systemActor } from "../../platform/actor.js";
import {
  delayAfter,
  FORGET_AFTER_MS,
  FREE_FAILURES,
  MAX_DELAY_SECONDS,
  secondsToWait,
} from "./login-throttle.js";
import { createAccount } from "./service.js";

describe("the growing delay (pure rule)", () => {
  it("never waits before the free failures, grows with every failure, and never exceeds the maximum", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 50 }),
        (f, free) => {
          const d = delayAfter(f, free);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(MAX_DELAY_SECONDS);
          expect(delayAfter(f + 1, free)).toBeGreaterThanOrEqual(d);
          if (f < free) expect(d).toBe(0);
          else expect(d).toBeGreaterThan(0);
        },
      ),
    );
  });

  it("lets a real user in after at most the maximum delay, however many failures an attacker caused", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (failures) => {
        const lastFailureAt = new Date(0);
        const later = new Date(MAX_DELAY_SECONDS * 1000);
        expect(secondsToWait({ failures, lastFailureAt }, FREE_FAILURES.account, later)).toBe(0);
        expect(secondsToWait({ failures, lastFailureAt }, 1, new Date(FORGET_AFTER_MS))).toBe(0);
      }),
    );
  });
});

describe("login throttling across instances", () => {
  const t = useTestApp();
  beforeAll(async () => {
    await createAccount(t.database.db, systemActor("GM0356"), {
      username: "sanne",
      displayName: "Sanne Bakker",
      role: "beleidsmedewerker",
      password: "een-lang-genoeg-wachtwoord",
    });
  });

  const attempt = async (app: TestApp["app"], password: string, address: string) => {
    const { token, cookie } = await formSession(app, "/inloggen");
    const fields = { _csrf: token, gebruikersnaam: "sanne", wachtwoord: password };
    return formPost(app, "/inloggen", cookie, fields, address);
  };

  it("throttles 20 wrong logins for one account from two instances as one count; the real user gets in after the delay", async () => {
    const second = await secondInstance(t);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) {
        // Different instances and addresses: only the count per account can stop these.
        const res = await attempt(
          i % 2 === 0 ? t.app : second,
          "fout-wachtwoord-123",
          `10.1.0.${i}`,
        );
        statuses.push(res.statusCode);
        if (res.statusCode === 429) {
          expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
          expect(res.body).toMatch(/U kunt het om \d\d:\d\d opnieuw proberen/);
        }
      }
      expect(statuses.slice(0, FREE_FAILURES.account)).toEqual(
        Array(FREE_FAILURES.account).fill(401),
      );
      expect(new Set(statuses.slice(FREE_FAILURES.account))).toEqual(new Set([429]));
      // While the delay runs, even the right password is not checked.
      expect((await attempt(second, "een-lang-genoeg-wachtwoord", "10.2.0.1")).statusCode).toBe(
        429,
      );
      // The delay has passed (as if the clock moved on): the real user logs in, and the count is cleared.
      await t.database.db.execute(
        sql`update login_failures set last_failure_at = last_failure_at - interval '16 minutes'`,
      );
      const ok = await attempt(t.app, "een-lang-genoeg-wachtwoord", "10.2.0.2");
      expect(ok.statusCode).toBe(303);
      expect((await attempt(second, "fout-wachtwoord-123", "10.2.0.3")).statusCode).toBe(401);
    } finally {
      await second.close();
    }
  });
});
