import { fromRoot } from "./config/paths.js";
import type { TenantConfig } from "./config/tenant.js";
import type { Db } from "./db/executor.js";
import { loadDefaultAreas } from "./modules/areas/index.js";
import { loadDefaultMonitoring } from "./modules/monitoring/index.js";
import { loadDefaultOrganisations } from "./modules/organisations/index.js";
import { linkMembersByName, loadDefaultPolicy } from "./modules/policy/index.js";
import { systemActor } from "./platform/actor.js";

/** Loads the tenant's default data set into an empty database; each loader skips what is already there. */
export async function loadDefaultData(db: Db, tenant: TenantConfig): Promise<string[]> {
  const actor = systemActor(tenant.municipality.code, "systeem (standaardgegevens)");
  const dir = fromRoot(tenant.dataSet);
  const loaded: string[] = [];
  if (await loadDefaultAreas(db, actor, dir)) loaded.push("gebieden");
  if (await loadDefaultOrganisations(db, actor, dir)) loaded.push("organisaties");
  if (await loadDefaultPolicy(db, actor, dir)) loaded.push("beleid");
  if (await loadDefaultMonitoring(db, actor, dir)) loaded.push("monitoring");
  // Partnerships loaded before there were organisation records name their members as free text.
  if ((await linkMembersByName(db, actor)) > 0) loaded.push("koppelingen van leden");
  return loaded;
}
