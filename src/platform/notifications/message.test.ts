import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  absoluteLink,
  BODY_MAX,
  fitMessage,
  isSitePath,
  mailText,
  messageIdFor,
  type NotificationInput,
  notificationProblems,
  SUBJECT_MAX,
} from "./message.js";

const valid: NotificationInput = {
  municipalityCode: "GM0356",
  accountId: "00000000-0000-4000-8000-000000000000",
  subject: "Nieuwe verantwoording",
  body: "Er staat een verantwoording voor u klaar.",
  link: "/beleid/beleidskader",
};

describe("isSitePath", () => {
  it("accepts paths on this site, and nothing that leads elsewhere", () => {
    for (const ok of ["/", "/meldingen", "/beleid/x?jaar=2026#doel-3"])
      expect(isSitePath(ok)).toBe(true);
    for (const bad of [
      "",
      "meldingen",
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "/met spatie",
      "/regel\neinde",
      `/${"a".repeat(2000)}`,
    ])
      expect(isSitePath(bad)).toBe(false);
  });

  it("never accepts a path a browser would read as another host", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        if (isSitePath(s)) {
          expect(new URL(s, "https://samenkracht.example").host).toBe("samenkracht.example");
        }
      }),
    );
  });
});

describe("notificationProblems", () => {
  it("accepts a complete message, with or without link", () => {
    expect(notificationProblems(valid)).toEqual([]);
    expect(notificationProblems({ ...valid, link: null })).toEqual([]);
    expect(notificationProblems({ ...valid, link: undefined })).toEqual([]);
  });

  it("names what is wrong", () => {
    expect(notificationProblems({ ...valid, subject: " " })).toEqual([
      "Het onderwerp van een melding is verplicht.",
    ]);
    expect(notificationProblems({ ...valid, subject: "a".repeat(SUBJECT_MAX + 1) })[0]).toMatch(
      /te lang/,
    );
    expect(notificationProblems({ ...valid, subject: "Bcc: x\r\nTo: y" })[0]).toMatch(/één regel/);
    expect(notificationProblems({ ...valid, body: "" })).toEqual([
      "De tekst van een melding is verplicht.",
    ]);
    expect(notificationProblems({ ...valid, link: "https://elders.example" })).toEqual([
      "De link van een melding is een pad op deze site, zoals /beleid.",
    ]);
  });
});

describe("the e-mail", () => {
  it("carries the message and its absolute link, also under a sub-folder", () => {
    const text = mailText(
      { body: "Er is iets nieuws.", link: "/beleid/x" },
      "https://gemeente.example/samenkracht/",
    );
    expect(text).toContain("Er is iets nieuws.");
    expect(text).toContain(
      "Bekijk het in Samenkracht: https://gemeente.example/samenkracht/beleid/x",
    );
    expect(text).toContain("https://gemeente.example/samenkracht/meldingen");
    expect(mailText({ body: "Zonder link.", link: null }, "http://127.0.0.1:3000")).not.toContain(
      "Bekijk het",
    );
    expect(absoluteLink("http://127.0.0.1:3000", "/meldingen")).toBe(
      "http://127.0.0.1:3000/meldingen",
    );
  });

  it("has one Message-ID per outbox row, whatever the attempt", () => {
    expect(messageIdFor("abc", "https://gemeente.example/samenkracht")).toBe(
      "<abc@gemeente.example>",
    );
  });
});

describe("fitMessage", () => {
  const text = (max: number) =>
    fc
      .string({ unit: "grapheme", maxLength: max })
      // biome-ignore lint/suspicious/noControlCharactersInRegex: people's text has none (the input boundary)
      .map((t) => t.replace(/[\u0000-\u001f\u007f]/g, " "));

  it("makes any subject and text fit, and leaves what fits as it is", () => {
    fc.assert(
      fc.property(text(300), text(6_000), (subject, body) => {
        const fitted = fitMessage({ ...valid, subject: `x${subject}`, body: `x${body}` });
        const lengths = notificationProblems(fitted).filter((p) => p.includes("te lang"));
        expect(lengths).toEqual([]);
        if (`x${subject}`.trim().length <= SUBJECT_MAX)
          expect(fitted.subject).toBe(`x${subject}`.trim());
        else expect(fitted.subject.endsWith("…")).toBe(true);
        if (`x${body}`.trim().length <= BODY_MAX) expect(fitted.body).toBe(`x${body}`.trim());
        // Never half a character: the result is well-formed text.
        expect(fitted.body.isWellFormed() && fitted.subject.isWellFormed()).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
