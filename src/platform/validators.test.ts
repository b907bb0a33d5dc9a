import Fastify from "fastify";
import { Type } from "typebox";
import { describe, expect, it } from "vitest";
import { Nullable } from "./schema-types.js";
import { registerValidators } from "./validators.js";

// What a schema does to input before a handler sees it: an API body as sent, query and form
// values coerced from text.

async function echoApp() {
  const app = Fastify();
  registerValidators(app);
  const body = Type.Object({
    bedragCent: Nullable(Type.Integer({ minimum: 0 })),
    kenmerk: Type.Optional(Nullable(Type.String())),
  });
  app.post("/api/v1/echo", { schema: { body } }, async (request) => request.body);
  app.post(
    "/formulier",
    { schema: { body: Type.Object({ keuze: Type.Array(Type.String()) }) } },
    async (request) => request.body,
  );
  app.get(
    "/api/v1/echo",
    {
      schema: {
        querystring: Type.Object({ jaar: Type.Integer(), soort: Type.Array(Type.String()) }),
      },
    },
    async (request) => request.query,
  );
  await app.ready();
  return app;
}

describe("route schema validators", () => {
  it("keeps a null in an API body null (it cleared a field by becoming 0 or an empty text)", async () => {
    const app = await echoApp();
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/echo",
      payload: { bedragCent: null, kenmerk: null },
    });
    expect(res.json()).toEqual({ bedragCent: null, kenmerk: null });
    expect(
      (
        await app.inject({ method: "POST", url: "/api/v1/echo", payload: { bedragCent: 0 } })
      ).json(),
    ).toEqual({ bedragCent: 0 });
    await app.close();
  });

  it("refuses a number sent as text in an API body", async () => {
    const app = await echoApp();
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/echo",
      payload: { bedragCent: "5" },
    });
    expect(res.statusCode).toBe(400);
    await app.close();
  });

  it("still turns query text into numbers and a single value into a list, also in a form body", async () => {
    const app = await echoApp();
    expect((await app.inject({ url: "/api/v1/echo?jaar=2026&soort=a" })).json()).toEqual({
      jaar: 2026,
      soort: ["a"],
    });
    const form = await app.inject({
      method: "POST",
      url: "/formulier",
      headers: { "content-type": "application/json" },
      payload: { keuze: "een" },
    });
    expect(form.json()).toEqual({ keuze: ["een"] });
    await app.close();
  });
});
