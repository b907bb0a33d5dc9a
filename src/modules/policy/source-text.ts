/** OCR slips in the source documents that the data files mend; nothing else may differ. */
export const OCR_MENDS: readonly [string, string][] = [
  ["Eris ", "Er is "],
  ["Cliéntervaringsonderzoek", "Cliëntervaringsonderzoek"],
  ["Cliénttevredenheidsonderzoek", "Cliënttevredenheidsonderzoek"],
];

/**
 * Normalises a source text for comparison: joins words hyphenated across a line break, mends the
 * listed OCR slips and folds all white space (and bullet marks) into single spaces.
 */
export function normaliseSourceText(text: string): string {
  let t = text.replace(/-\n\s*(?=[a-zà-ÿ])/g, "");
  for (const [from, to] of OCR_MENDS) t = t.replaceAll(from, to);
  return t.replace(/\*\*/g, "").replace(/[•◦]/g, " ").replace(/\s+/g, " ").trim();
}

export const normaliseItemText = (text: string): string => text.replace(/\s+/g, " ").trim();
