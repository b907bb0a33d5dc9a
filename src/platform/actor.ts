/** Who does something: a logged-in account, or the system itself (start-up, data loads, CLI). */
export interface Actor {
  accountId: string | null;
  /** The person (username): for the audit trail and staff only. */
  name: string;
  /**
   * What public pages and the public API may say did it: a role or an organisation, never a
   * person ("Gemeente (beleidsmedewerker)", "MOvactor"). Stored in histories that the public sees.
   */
  publicName: string;
  municipalityCode: string;
}

export const systemActor = (municipalityCode: string, name = "systeem"): Actor => ({
  accountId: null,
  name,
  publicName: "Gemeente",
  municipalityCode,
});
