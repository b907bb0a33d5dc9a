import type {
  ActivityStatus,
  DocumentKind,
  DocumentState,
  GoalLevel,
  SectionKind,
} from "./schema.js";
import { ACTIVITY_STATUSES, DOCUMENT_KINDS, GOAL_LEVELS, SECTION_KINDS } from "./schema.js";

/** The shape of one policy document data file (data/<municipality>/beleid/*.json). */
export interface PolicyDataFile {
  document: {
    key: string;
    kind: DocumentKind;
    title: string;
    firstYear: number;
    lastYear: number;
    state: DocumentState;
    reference: string | null;
    accountsFor?: string;
    source: string;
    body: string;
  };
  sections: {
    key: string;
    kind: SectionKind;
    title: string;
    body: string;
    parent?: string;
    number?: string;
    source: string;
  }[];
  goals: {
    key: string;
    level: GoalLevel;
    number?: string;
    text: string;
    description?: string;
    section?: string;
    parent?: string;
    accountsFor?: string;
    source: string;
  }[];
  indicators?: {
    key: string;
    number?: string;
    text: string;
    namedSource: string | null;
    section?: string;
    source: string;
  }[];
  activities?: {
    key: string;
    section: string;
    number?: number;
    text: string;
    goals?: string[];
    source: string;
  }[];
  realisations?: {
    activity: string;
    year: number;
    text: string;
    status: ActivityStatus;
    statusReason: string;
    elsewhere: string | null;
    source: string;
  }[];
  partnerships?: {
    key: string;
    name: string;
    kind: string;
    members: string[];
    membersNote?: string;
    description: string;
    sections: string[];
    source: string;
  }[];
}

/** Checks that a data file is complete and its internal references resolve; returns Dutch problems. */
export function validatePolicyDataFile(file: PolicyDataFile, name: string): string[] {
  const problems: string[] = [];
  const d = file.document;
  if (!d || !DOCUMENT_KINDS.includes(d.kind))
    problems.push(`${name}: onbekende documentsoort "${d?.kind}"`);
  if (d && d.firstYear > d.lastYear) problems.push(`${name}: eerste jaar na laatste jaar`);
  const sectionKeys = new Set<string>();
  for (const s of file.sections) {
    if (!SECTION_KINDS.includes(s.kind))
      problems.push(`${name}: onderdeel ${s.key} heeft onbekende soort "${s.kind}"`);
    if (s.parent && !sectionKeys.has(s.parent))
      problems.push(`${name}: onderdeel ${s.key} verwijst naar onbekend onderdeel ${s.parent}`);
    if (sectionKeys.has(s.key)) problems.push(`${name}: onderdeel ${s.key} komt dubbel voor`);
    sectionKeys.add(s.key);
  }
  const goalKeys = new Set<string>();
  for (const g of file.goals) {
    if (!GOAL_LEVELS.includes(g.level))
      problems.push(`${name}: doel ${g.key} heeft onbekend niveau "${g.level}"`);
    if (g.section && !sectionKeys.has(g.section))
      problems.push(`${name}: doel ${g.key} verwijst naar onbekend onderdeel ${g.section}`);
    if (g.parent && !goalKeys.has(g.parent))
      problems.push(`${name}: doel ${g.key} verwijst naar onbekend doel ${g.parent}`);
    if (!g.text.trim()) problems.push(`${name}: doel ${g.key} heeft geen tekst`);
    if (goalKeys.has(g.key)) problems.push(`${name}: doel ${g.key} komt dubbel voor`);
    goalKeys.add(g.key);
  }
  for (const a of file.activities ?? []) {
    if (!sectionKeys.has(a.section))
      problems.push(`${name}: activiteit ${a.key} verwijst naar onbekend onderdeel ${a.section}`);
    for (const g of a.goals ?? [])
      if (!goalKeys.has(g))
        problems.push(`${name}: activiteit ${a.key} verwijst naar onbekend doel ${g}`);
  }
  for (const r of file.realisations ?? []) {
    if (!ACTIVITY_STATUSES.includes(r.status))
      problems.push(`${name}: realisatie ${r.activity} heeft onbekende status "${r.status}"`);
    if (r.status === "ondergebracht_elders" && !r.elsewhere)
      problems.push(`${name}: realisatie ${r.activity} mist waar het is ondergebracht`);
  }
  for (const p of file.partnerships ?? []) {
    for (const s of p.sections)
      if (!sectionKeys.has(s))
        problems.push(`${name}: samenwerking ${p.key} verwijst naar onbekend onderdeel ${s}`);
  }
  return problems;
}
