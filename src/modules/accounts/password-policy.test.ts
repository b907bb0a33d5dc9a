import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generatePassword } from "./password.js";
import {
  commonPasswords,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordProblems,
} from "./password-policy.js";

const refused = (password: string, context = {}) => passwordProblems(password, context).length > 0;

describe("password policy (NIST SP 800-63B)", () => {
  it.each([
    "password123456",
    "Password123456!",
    "wachtwoord2026",
    "Welkom123456!!",
    "123456789012",
    "qwertyuiopasdf",
    "aaaaaaaaaaaaaaa",
    "abcabcabcabcabc",
    "1234567890123",
  ])("refuses the common or predictable %s with a Dutch message naming the field", (password) => {
    const problems = passwordProblems(password, {});
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe("wachtwoord");
    expect(problems[0]?.message).toMatch(/^wachtwoord: /);
  });

  it("refuses a password that contains the username or the person's name", () => {
    expect(refused("marieke-heeft-een-fiets", { username: "marieke" })).toBe(true);
    expect(refused("de-familie-vries-fietst", { displayName: "Marieke de Vries" })).toBe(true);
    expect(refused("samenkracht-is-fijn!", {})).toBe(true);
  });

  it("accepts passphrases and generated passwords", () => {
    for (const password of [
      "correct-horse-battery-staple",
      "een-lang-genoeg-wachtwoord",
      "Fiets met 3 rode bellen",
    ]) {
      expect(passwordProblems(password, { username: "marieke" })).toEqual([]);
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), () => {
        expect(passwordProblems(generatePassword(), {})).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("uses one maximum for setting and checking, and names both limits", () => {
    expect(passwordProblems("x".repeat(MIN_PASSWORD_LENGTH - 1), {})[0]?.message).toBe(
      `wachtwoord: te kort, minstens ${MIN_PASSWORD_LENGTH} tekens.`,
    );
    expect(
      passwordProblems("Fiets met rode bellen ".repeat(10).slice(0, MAX_PASSWORD_LENGTH + 1), {})[0]
        ?.message,
    ).toBe(`wachtwoord: te lang, hoogstens ${MAX_PASSWORD_LENGTH} tekens.`);
  });

  it("refuses every listed password of allowed length, whatever its case", () => {
    const listed = [...commonPasswords()].filter(
      (p) => p.length >= MIN_PASSWORD_LENGTH && p.length <= MAX_PASSWORD_LENGTH,
    );
    expect(listed.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(fc.constantFrom(...listed), fc.boolean(), (password, upper) => {
        expect(refused(upper ? password.toUpperCase() : password)).toBe(true);
      }),
    );
  });

  it("refuses a listed word with any digits-only sequence or year appended", () => {
    const words = ["password", "welkom", "voetbal", "nederland", "wachtwoord"];
    fc.assert(
      fc.property(
        fc.constantFrom(...words),
        fc.oneof(
          fc.integer({ min: 1900, max: 2099 }).map(String),
          fc.integer({ min: 4, max: 10 }).map((n) => "1234567890".slice(0, n)),
        ),
        (word, suffix) => {
          fc.pre(word.length + suffix.length >= MIN_PASSWORD_LENGTH);
          expect(refused(word + suffix)).toBe(true);
        },
      ),
    );
  });
});
