import type { Crumb } from "../../web/layout.js";
import type * as repo from "./repository.js";

/** Links and labels every policy page uses for its document. */
export const docHref = (d: { slug: string }) => `/beleid/${d.slug}`;
export const period = (d: repo.DocumentRow) =>
  d.firstYear === d.lastYear ? `${d.firstYear}` : `${d.firstYear}-${d.lastYear}`;
export const crumbs = (d?: repo.DocumentRow, extra: Crumb[] = []): Crumb[] => [
  { href: "/beleid", label: "Beleid" },
  ...(d ? [{ href: docHref(d), label: d.title }] : []),
  ...extra,
];
