/** Who does something: a logged-in account, or the system itself (start-up, data loads, CLI). */
export interface Actor {
  accountId: string | null;
  name: string;
  municipalityCode: string;
}

export const systemActor = (municipalityCode: string, name = "systeem"): Actor => ({
  accountId: null,
  name,
  municipalityCode,
});
