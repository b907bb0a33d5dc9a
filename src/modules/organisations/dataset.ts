import { ORGANISATION_KINDS, type OrganisationKind, PLACEMENTS, type Placement } from "./schema.js";

/** The shape of `data/<municipality>/organisaties/organisaties.json` (Dutch keys, as the data set). */
export interface OrganisationDataFile {
  werkgebieden: { code: string; naam: string; bron: string }[];
  functies: {
    code: string;
    naam: string;
    werkgebied: string;
    plaats: Placement;
    tijdsverdeling: { procent: number; omschrijving: string }[];
    bron: string;
  }[];
  organisaties: {
    code: string;
    naam: string;
    aliassen: string[];
    soort: OrganisationKind;
    werkgebieden: { werkgebied: string; plaats: Placement; bron: string }[];
    functies: { functie: string; bron: string }[];
    wijken: { wijk: string; bron: string }[];
    website: string | null;
    telefoon: string | null;
    email: string | null;
    contactBron: string | null;
    omschrijving: string;
    bronnen: string[];
  }[];
}

/** Every inconsistency in the file, so a broken data set fails the load with all its faults named. */
export function validateOrganisationDataFile(file: OrganisationDataFile): string[] {
  const faults: string[] = [];
  const areas = new Set(file.werkgebieden.map((w) => w.code));
  const functions = new Set(file.functies.map((f) => f.code));
  const codes = new Set<string>();
  const names = new Map<string, string>();
  for (const f of file.functies) {
    if (!areas.has(f.werkgebied))
      faults.push(`functie ${f.code}: onbekend werkgebied ${f.werkgebied}`);
    if (!PLACEMENTS.includes(f.plaats))
      faults.push(`functie ${f.code}: onbekende plaats ${f.plaats}`);
    const sum = f.tijdsverdeling.reduce((s, t) => s + t.procent, 0);
    if (f.tijdsverdeling.length > 0 && sum !== 100)
      faults.push(`functie ${f.code}: tijdsverdeling telt op tot ${sum}%, niet 100%`);
  }
  for (const o of file.organisaties) {
    if (codes.has(o.code)) faults.push(`organisatie ${o.code}: dubbele code`);
    codes.add(o.code);
    if (!ORGANISATION_KINDS.includes(o.soort))
      faults.push(`organisatie ${o.code}: onbekende soort ${o.soort}`);
    if (o.bronnen.length === 0) faults.push(`organisatie ${o.code}: geen bron`);
    for (const name of [o.naam, ...o.aliassen]) {
      const key = nameKey(name);
      const other = names.get(key);
      if (other && other !== o.code)
        faults.push(`organisatie ${o.code}: naam "${name}" ook bij ${other}`);
      names.set(key, o.code);
    }
    for (const w of o.werkgebieden) {
      if (!areas.has(w.werkgebied))
        faults.push(`organisatie ${o.code}: onbekend werkgebied ${w.werkgebied}`);
      if (!PLACEMENTS.includes(w.plaats))
        faults.push(`organisatie ${o.code}: onbekende plaats ${w.plaats}`);
    }
    for (const f of o.functies)
      if (!functions.has(f.functie))
        faults.push(`organisatie ${o.code}: onbekende functie ${f.functie}`);
  }
  return faults;
}

/**
 * The key two spellings of one name share: case, accents, spaces and punctuation ignored, so
 * "Santé Partners" and "SantéPartners", "Sport ID" and "SportID" are the same organisation.
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}
