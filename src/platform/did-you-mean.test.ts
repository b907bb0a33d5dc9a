import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildVocabulary,
  distance,
  limitFor,
  normalise,
  suggestQuery,
  suggestWord,
} from "./did-you-mean.js";

// Letters with and without diacritics, in both cases, so normalisation is exercised.
const letter = fc.constantFrom(..."abcdeéëiïoörstuzABCDEÉ".split(""));
const word = fc.array(letter, { minLength: 0, maxLength: 10 }).map((l) => l.join(""));
const longWord = fc.array(letter, { minLength: 3, maxLength: 10 }).map((l) => l.join(""));

describe("distance", () => {
  it("is symmetric", () => {
    fc.assert(fc.property(word, word, (a, b) => distance(a, b) === distance(b, a)));
  });

  it("is 0 exactly when the words are equal after normalising", () => {
    fc.assert(
      fc.property(word, word, (a, b) => (distance(a, b) === 0) === (normalise(a) === normalise(b))),
    );
    fc.assert(fc.property(word, (a) => distance(a, a.toUpperCase()) === 0));
  });

  it("counts one swap of neighbours, one insertion, one deletion as one edit", () => {
    expect(distance("eenzaamhied", "eenzaamheid")).toBe(1);
    expect(distance("Galecopp", "Galecop")).toBe(1);
    expect(distance("Galcop", "Galecop")).toBe(1);
    expect(distance("cliënt", "CLIENT")).toBe(0);
    expect(distance("", "abc")).toBe(3);
  });

  it("is never more than the longer word's length, nor less than the length difference", () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = distance(a, b);
        const [x, y] = [[...normalise(a)].length, [...normalise(b)].length];
        return d <= Math.max(x, y) && d >= Math.abs(x - y);
      }),
    );
  });
});

describe("suggestWord", () => {
  it("suggests nothing for a word in the vocabulary, in any case", () => {
    fc.assert(
      fc.property(fc.array(longWord, { minLength: 1, maxLength: 20 }), (words) => {
        const vocabulary = buildVocabulary([words.join(" ")]);
        return words.every(
          (w) =>
            suggestWord(w, vocabulary) === undefined &&
            suggestWord(w.toUpperCase(), vocabulary) === undefined,
        );
      }),
    );
  });

  it("never suggests a word farther than the limit, and always a word from the vocabulary", () => {
    fc.assert(
      fc.property(fc.array(longWord, { minLength: 1, maxLength: 20 }), longWord, (words, typed) => {
        const vocabulary = buildVocabulary([words.join(" ")]);
        const suggestion = suggestWord(typed, vocabulary);
        if (suggestion === undefined) return true;
        return (
          distance(typed, suggestion) <= limitFor(normalise(typed)) &&
          distance(typed, suggestion) > 0 &&
          vocabulary.get(normalise(suggestion)) === suggestion
        );
      }),
    );
  });

  it("finds the word one typo away, keeping its spelling", () => {
    const vocabulary = buildVocabulary(["Mate van eenzaamheid", "Galecop", "Jutphaas-Wijkersloot"]);
    expect(suggestWord("eenzaamhied", vocabulary)).toBe("eenzaamheid");
    expect(suggestWord("galecopp", vocabulary)).toBe("Galecop");
    expect(suggestWord("Jutphas", vocabulary)).toBe("Jutphaas");
    expect(suggestWord("fietsenstalling", vocabulary)).toBeUndefined();
  });
});

describe("suggestQuery", () => {
  it("replaces only the unknown words and says nothing when all are known", () => {
    const vocabulary = buildVocabulary(["Mate van eenzaamheid in Galecop"]);
    expect(suggestQuery("eenzaamhied Galecop", vocabulary)).toBe("eenzaamheid Galecop");
    expect(suggestQuery("eenzaamheid Galecop", vocabulary)).toBeUndefined();
    expect(suggestQuery("", vocabulary)).toBeUndefined();
  });
});
