import type { FastifyContextConfig, FastifyInstance } from "fastify";

/** One route as it was added: method, URL pattern (with `:params`) and its route config. */
export interface CatalogRoute {
  method: string;
  url: string;
  config: Readonly<FastifyContextConfig>;
}

const catalogs = new WeakMap<FastifyInstance, CatalogRoute[]>();

/**
 * Records every route as it is added (Fastify's onRoute hook), so tests and tools can enumerate the
 * routes of the running app — routes added later are included without touching them. Register it
 * before any route.
 */
export function registerRouteCatalog(app: FastifyInstance): void {
  const routes: CatalogRoute[] = [];
  catalogs.set(app, routes);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) {
      routes.push({
        method,
        url: route.url,
        // Read when asked: onRoute hooks registered later may still add to the config.
        get config() {
          return route.config ?? {};
        },
      });
    }
  });
}

/** The routes recorded for `app` by registerRouteCatalog, in the order they were added. */
export function routeCatalog(app: FastifyInstance): readonly CatalogRoute[] {
  return catalogs.get(app) ?? [];
}
