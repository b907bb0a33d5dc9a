import type { FieldError } from "../../platform/errors.js";
import { problems, textProblem } from "../../platform/field-rules.js";
import { NAME_MAX, NOTE_MAX } from "../../platform/schema-types.js";

/** The public profile fields an organisation keeps up to date (the rest is the municipality's). */
export type ProfileInput = {
  description?: string | undefined;
  website?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
};

export const WEBSITE_MAX = 300;
const PHONE = /^\+?[0-9][0-9 ()-]{5,19}$/;
const EMAIL = /^[^\s@<>"]{1,64}@[^\s@<>"]+\.[a-z]{2,}$/i;

/** A website is an http(s) address a visitor can follow; "www.example.nl" gets https:// in front. */
export function normaliseWebsite(value: string): string {
  const v = value.trim();
  return /^https?:\/\//i.test(v) ? v : `https://${v}`;
}

function websiteProblem(value: string | null | undefined): FieldError | undefined {
  if (!value?.trim()) return undefined;
  const tooLong = textProblem(value, { field: "website", label: "Website", max: WEBSITE_MAX });
  if (tooLong) return tooLong;
  try {
    const url = new URL(normaliseWebsite(value));
    if (url.hostname.includes(".") && !url.username && !url.password) return undefined;
  } catch {
    // falls through to the message below
  }
  return {
    field: "website",
    message: "Website moet een webadres zijn, bijvoorbeeld www.voorbeeld.nl.",
  };
}

/** Every problem of a profile change, each naming its field. */
export function profileProblems(input: ProfileInput): FieldError[] {
  const phone = input.phone?.trim();
  const email = input.email?.trim();
  return problems(
    textProblem(input.description, { field: "omschrijving", label: "Omschrijving", max: NOTE_MAX }),
    websiteProblem(input.website),
    phone && !PHONE.test(phone)
      ? {
          field: "telefoon",
          message: "Telefoon moet een telefoonnummer zijn, bijvoorbeeld 030 123 45 67.",
        }
      : undefined,
    email && (email.length > NAME_MAX || !EMAIL.test(email))
      ? {
          field: "email",
          message: "E-mail moet een e-mailadres zijn, bijvoorbeeld info@voorbeeld.nl.",
        }
      : undefined,
  );
}

/** The profile as it will be stored: trimmed, empty contact fields as null, the website with its scheme. */
export function cleanProfile(input: ProfileInput): ProfileInput {
  const orNull = (v: string | null | undefined) =>
    v === undefined ? undefined : v?.trim() || null;
  const website = orNull(input.website);
  return {
    description: input.description?.trim(),
    website: website ? normaliseWebsite(website) : website,
    phone: orNull(input.phone),
    email: orNull(input.email),
  };
}
