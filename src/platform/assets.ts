import { dirname, join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { fromRoot } from "../config/paths.js";
import type { TenantConfig } from "../config/tenant.js";

const CANDIDATE_PACKAGES = ["heading", "paragraph", "link", "button", "skip-link", "data-badge"];
const pkg = (name: string, ...rest: string[]) => fromRoot("node_modules", name, ...rest);

/** Serves our CSS and the NL Design System packages straight from node_modules (no CDN, no copy step). */
export async function registerAssets(app: FastifyInstance, tenant: TenantConfig): Promise<void> {
  const mounts: { prefix: string; root: string | string[] }[] = [
    { prefix: "/assets/css/", root: fromRoot("public/css") },
    // Progressive enhancements only (CSP: scripts from this origin, none inline); pages work without.
    { prefix: "/assets/js/", root: fromRoot("public/js") },
    { prefix: "/assets/vendor/utrecht/", root: pkg("@utrecht/component-library-css", "dist") },
    {
      prefix: "/assets/vendor/candidate/",
      root: CANDIDATE_PACKAGES.map((p) => pkg(`@nl-design-system-candidate/${p}-css`, "dist")),
    },
    { prefix: "/assets/vendor/noto-sans/", root: pkg("@fontsource/noto-sans") },
    // The voorbeeld theme sets headings in Noto Serif (--basis-heading-font-family): ship it too,
    // or headings fall back to a Times-like face beside Noto Sans.
    { prefix: "/assets/vendor/noto-serif/", root: pkg("@fontsource/noto-serif") },
    {
      prefix: "/assets/theme/",
      root: join(pkg(tenant.theme.package), dirname(tenant.theme.stylesheet)),
    },
  ];
  for (const [i, m] of mounts.entries()) {
    await app.register(fastifyStatic, {
      root: m.root,
      prefix: m.prefix,
      decorateReply: i === 0,
      maxAge: "1d",
      index: false,
      wildcard: true,
    });
  }
}
