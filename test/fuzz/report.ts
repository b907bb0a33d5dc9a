import type { CampaignReport, Finding } from "./campaign.js";

const statusLine = (m: Map<number, number>) =>
  [...m]
    .sort((a, b) => a[0] - b[0])
    .map(([status, n]) => `${status}×${n}`)
    .join(" ");

/** One line per finding, enough to replay it by hand. */
export const describeFinding = (f: Finding) =>
  `${f.problem} ${f.status} [${f.caller}, ${f.kind}] ${f.method} ${f.url}` +
  (f.body ? `\n    body: ${f.body}` : "") +
  (f.detail ? `\n    oorzaak: ${f.detail}` : "") +
  (f.problem !== "5xx" && f.response ? `\n    antwoord: ${f.response.slice(0, 160)}` : "");

/** Findings grouped by problem, target and caller, at most `perGroup` examples each. */
export function summariseFindings(findings: readonly Finding[], perGroup = 3): string {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.problem} ${f.target} (${f.caller})`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups]
    .map(
      ([key, list]) =>
        `${list.length}× ${key}\n${list
          .slice(0, perGroup)
          .map((f) => `  ${describeFinding(f)}`)
          .join("\n")}`,
    )
    .join("\n");
}

/** Totals per status class, per target and caller, and every finding. */
export function formatReport(r: CampaignReport, options: { perTarget?: boolean } = {}): string {
  const lines = [
    `database: ${r.database}, seed: ${r.seed} (FUZZ_SEED=${r.seed} herhaalt deze reeks), ${r.runsPerTarget} runs per doel en beller`,
    `doelen: ${r.targets.length} (${r.operations} OpenAPI-operaties, ${r.targets.filter((s) => s.target.kind === "form").length} formulieren, ${r.targets.filter((s) => s.target.kind === "page").length} pagina's), ${r.crawledPages} pagina's doorzocht`,
    `verzoeken: ${r.requests} in ${(r.ms / 1000).toFixed(1)} s — ${Object.entries(r.byClass)
      .map(([c, n]) => `${c}: ${n}`)
      .join(", ")}`,
  ];
  // The margins of the checks on reach, printed so a run that comes close can be read back.
  const reads = r.targets.filter((s) => s.target.method === "GET");
  const neverOk = reads.filter((s) => ![...s.statuses.beheerder.keys()].some((c) => c < 300));
  const writes = r.targets.filter((s) => s.target.method !== "GET" && s.target.refusesAnonymous);
  const through = writes.filter((s) => [...s.statuses.beheerder.keys()].some((c) => c < 400));
  lines.push(
    `lezingen zonder 2xx voor de bevoegde beller: ${neverOk.length} van ${reads.length}${
      neverOk.length > 0 ? ` (${neverOk.map((s) => s.target.pattern).join(", ")})` : ""
    }; schrijfroutes met een geslaagd verzoek: ${through.length} van ${writes.length}`,
    `schrijfroutes zonder geslaagd verzoek: ${writes
      .filter((s) => !through.includes(s))
      .map(
        (s) =>
          `${s.target.method} ${s.target.pattern} [${[...s.statuses.beheerder.keys()].join(" ")}]`,
      )
      .join(", ")}`,
  );
  if (options.perTarget) {
    for (const s of r.targets) {
      lines.push(
        `  ${s.target.method} ${s.target.pattern} | anoniem ${statusLine(s.statuses.anoniem)} | inwoner ${statusLine(s.statuses.inwoner)} | beheerder ${statusLine(s.statuses.beheerder)}` +
          (s.target.kind === "api"
            ? ` | token ${statusLine(s.statuses.token)} | ingetrokken ${statusLine(s.statuses.ingetrokken)} | verlopen ${statusLine(s.statuses.verlopen)}`
            : ""),
      );
    }
  }
  if (r.injectErrors.length > 0) {
    lines.push(`niet te versturen (fout in de test): ${r.injectErrors.length}`);
    for (const e of r.injectErrors.slice(0, 10)) lines.push(`  ${e.target} ${e.url}: ${e.error}`);
  }
  lines.push(
    r.findings.length === 0
      ? "geen bevindingen: geen 5xx, geen wijziging door een geweigerd verzoek"
      : `bevindingen: ${r.findings.length}\n${summariseFindings(r.findings, 50)}`,
  );
  return lines.join("\n");
}
