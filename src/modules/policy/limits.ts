/**
 * Ranges and counts the policy write services enforce; the forms state them up front and the
 * messages name them, so each number is written once. Text lengths: src/platform/schema-types.ts.
 */
export const WEIGHT_RANGE = { min: 0, max: 1000 };
export const TARGET_YEAR_RANGE = { min: 2000, max: 2100 };
/** A document's first year, and how many years its last year may lie after it. */
export const DOCUMENT_YEAR_RANGE = { min: 2000, max: 2100, span: 20 };
export const MEMBERS_MAX = 100;
export const MEMBERS_NOTE_MAX = 1000;
