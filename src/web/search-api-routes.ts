import type { FastifyInstance } from "fastify";
import { Type } from "typebox";
import type { TenantConfig } from "../config/tenant.js";
import type { Db } from "../db/executor.js";
import { snippetParts } from "../db/full-text.js";
import { apiSchema } from "../platform/api.js";
import { badRequest } from "../platform/errors.js";
import { PageNumber } from "../platform/schema-types.js";
import { MAX_QUERY_LENGTH, runSearch, type SearchRegistry } from "./search.js";

const Hit = Type.Object({
  id: Type.String({ description: "Code of id van het gevonden gegeven" }),
  titel: Type.String(),
  pagina: Type.String({ description: "Adres van de pagina van het gegeven" }),
  context: Type.Union([Type.String(), Type.Null()], {
    description: "Waar het gegeven staat, bv. het document van een doel",
  }),
  fragment: Type.Union([Type.String(), Type.Null()], {
    description: "Tekst rond de treffers, als platte tekst",
  }),
  treffers: Type.Array(Type.String(), { description: "De woorden in het fragment die passen" }),
});

/** A snippet's marked words, and the snippet as plain text (a client escapes it as any text). */
const unmark = (snippet: string | undefined) => {
  const parts = snippet === undefined ? [] : snippetParts(snippet);
  return {
    fragment: snippet === undefined ? null : parts.map((p) => p.text).join(""),
    treffers: parts.filter((p) => p.hit).map((p) => p.text),
  };
};

/**
 * The search page's results as data: every kind the modules register (wijken, indicatoren,
 * beleidsteksten ...), a preview of each, or one kind with pages; "bedoeldeU" when few are found.
 */
export function registerSearchApiRoutes(
  app: FastifyInstance,
  db: Db,
  tenant: TenantConfig,
  registry: SearchRegistry,
) {
  const municipalityCode = tenant.municipality.code;
  app.get<{ Querystring: { q: string; soort?: string; pagina?: number } }>(
    "/api/v1/zoekresultaten",
    {
      schema: apiSchema({
        operationId: "zoekAlles",
        summary: "Zoeken in wijken, indicatoren en beleidsteksten (Nederlandse woordstammen)",
        description:
          "Zonder soort: per soort de eerste vijf resultaten en het aantal. Met soort: die soort, twintig per pagina.",
        tags: ["Zoeken"],
        querystring: Type.Object({
          q: Type.String({ minLength: 1, maxLength: MAX_QUERY_LENGTH, description: "Zoekvraag" }),
          // The kinds the app registered (buildApp registers them before this route), so the
          // document lists the allowed values.
          soort: Type.Optional(
            Type.Enum(
              registry.providers.map((p) => p.kind),
              { type: "string", description: "Alleen deze soort, bv. gebieden of indicatoren" },
            ),
          ),
          pagina: Type.Optional(PageNumber({ default: 1 })),
        }),
        success: {
          200: {
            description: "Resultaten per soort, best passend eerst",
            schema: Type.Object({
              zoekvraag: Type.String(),
              totaal: Type.Integer(),
              pagina: Type.Integer(),
              aantalPaginas: Type.Integer(),
              bedoeldeU: Type.Union([Type.String(), Type.Null()], {
                description: "Een verbeterde zoekvraag, als er weinig gevonden is",
              }),
              groepen: Type.Array(
                Type.Object({
                  soort: Type.String(),
                  naam: Type.String(),
                  totaal: Type.Integer(),
                  resultaten: Type.Array(Hit),
                }),
              ),
            }),
          },
        },
      }),
    },
    async (request) => {
      const { q, soort, pagina } = request.query;
      if (soort !== undefined && !registry.find(soort))
        throw badRequest(`Onbekende soort "${soort}".`, [
          {
            field: "soort",
            message: `soort: moet een van deze zijn: ${registry.providers.map((p) => p.kind).join(", ")}.`,
          },
        ]);
      const r = await runSearch(
        registry,
        { db, municipalityCode },
        { query: q, kind: soort, page: pagina },
      );
      return {
        zoekvraag: r.query,
        totaal: r.total,
        pagina: r.page,
        aantalPaginas: r.pages,
        bedoeldeU: r.suggestion ?? null,
        groepen: r.groups.map((g) => ({
          soort: g.kind,
          naam: g.label,
          totaal: g.total,
          resultaten: g.hits.map((h) => ({
            id: h.id,
            titel: h.title,
            pagina: h.href,
            context: h.context ?? null,
            ...unmark(h.snippet),
          })),
        })),
      };
    },
  );
}
