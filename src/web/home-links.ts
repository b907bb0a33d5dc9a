/** What the home page needs of a policy document: enough to choose and link it. */
export interface HomeDocument {
  slug: string;
  kind: string;
  title: string;
  firstYear: number;
  lastYear: number;
  state: string;
}

export interface CouncilLinks {
  framework?: { title: string; href: string } | undefined;
  evaluation?: { year: number; href: string } | undefined;
  annualReport?: { title: string; href: string } | undefined;
}

/**
 * The newest document of a kind that is still in force: an adopted one before a concept (a draft of
 * the next framework is not yet the current one), then the latest period.
 */
export function newestOfKind(
  documents: readonly HomeDocument[],
  kind: string,
): HomeDocument | undefined {
  return documents
    .filter((d) => d.kind === kind && d.state !== "vervallen")
    .toSorted(
      (a, b) =>
        Number(b.state === "vastgesteld") - Number(a.state === "vastgesteld") ||
        b.firstYear - a.firstYear ||
        b.lastYear - a.lastYear,
    )[0];
}

/**
 * The council's links: the current framework, its evaluation over this year (or the nearest year the
 * framework covers; the evaluation refuses other years) and the newest annual report.
 */
export function councilLinks(documents: readonly HomeDocument[], today: Date): CouncilLinks {
  const framework = newestOfKind(documents, "beleidskader");
  const accounts = newestOfKind(documents, "jaarstukken");
  const year = framework
    ? Math.min(Math.max(today.getUTCFullYear(), framework.firstYear), framework.lastYear)
    : undefined;
  return {
    framework: framework && { title: framework.title, href: `/beleid/${framework.slug}` },
    evaluation:
      framework && year !== undefined
        ? { year, href: `/evaluatie/${framework.slug}/${year}` }
        : undefined,
    annualReport: accounts && {
      title: accounts.title,
      href: `/beleid/${accounts.slug}/jaarverslag`,
    },
  };
}
