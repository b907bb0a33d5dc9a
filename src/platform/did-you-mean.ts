/**
 * "Bedoelde u ...?": the closest known word for a typo, by Damerau-Levenshtein distance (optimal
 * string alignment: insert, delete, substitute, swap two neighbours), ignoring case and diacritics.
 * Pure, so the search page and the property tests share it.
 */

export const MAX_DISTANCE = 2;

/** Lower case without diacritics: "Cliënt" and "client" are the same word. */
export function normalise(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Damerau-Levenshtein (optimal string alignment) distance between two words, after normalising. */
export function distance(a: string, b: string): number {
  const s = [...normalise(a)];
  const t = [...normalise(b)];
  const rows: number[][] = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= s.length; i++) {
    const row = rows[i] as number[];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(s.length, t.length);
}

/** Words of three letters or more, by their normalised form, each with the first spelling seen. */
export type Vocabulary = ReadonlyMap<string, string>;

export function buildVocabulary(texts: Iterable<string>): Vocabulary {
  const words = new Map<string, string>();
  for (const text of texts) {
    for (const [word] of text.matchAll(/\p{L}+/gu)) {
      if (word.length < 3) continue;
      const key = normalise(word);
      if (!words.has(key)) words.set(key, word);
    }
  }
  return words;
}

/**
 * The limit for a word: short words allow one edit, since two edits turn "zorg" into almost
 * anything; never more than MAX_DISTANCE.
 */
export const limitFor = (word: string): number => (word.length <= 4 ? 1 : MAX_DISTANCE);

/**
 * The closest known word within the limit, or undefined when the word is known (no typo) or nothing
 * is close enough. Ties go to the word nearest in length, then alphabetically, so the answer is stable.
 */
export function suggestWord(word: string, vocabulary: Vocabulary): string | undefined {
  const key = normalise(word);
  if (vocabulary.has(key)) return undefined;
  const limit = limitFor(key);
  let best: { key: string; display: string; d: number } | undefined;
  for (const [candidate, display] of vocabulary) {
    if (Math.abs(candidate.length - key.length) > limit) continue;
    const d = distance(key, candidate);
    if (d > limit) continue;
    const better =
      !best ||
      d < best.d ||
      (d === best.d &&
        (Math.abs(candidate.length - key.length) < Math.abs(best.key.length - key.length) ||
          (Math.abs(candidate.length - key.length) === Math.abs(best.key.length - key.length) &&
            candidate < best.key)));
    if (better) best = { key: candidate, display, d };
  }
  return best?.display;
}

/**
 * The query with each unknown word (three letters or more) replaced by its suggestion, or undefined
 * when no word changes.
 */
export function suggestQuery(query: string, vocabulary: Vocabulary): string | undefined {
  let changed = false;
  const suggestion = query.replace(/\p{L}+/gu, (word) => {
    if (word.length < 3) return word;
    const better = suggestWord(word, vocabulary);
    if (better === undefined) return word;
    changed = true;
    return better;
  });
  return changed ? suggestion : undefined;
}
