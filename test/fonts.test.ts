import { describe, expect, it } from "vitest";
import { useTestApp } from "./helpers/app.js";

const t = useTestApp([]);

describe("fonts the theme asks for", () => {
  it("ships Noto Serif for headings beside Noto Sans, served from this server", async () => {
    const page = await t.app.inject({ url: "/beleid" });
    for (const sheet of ["noto-sans/400.css", "noto-serif/400.css", "noto-serif/700.css"]) {
      expect(page.body).toContain(`/assets/vendor/${sheet}`);
      const css = await t.app.inject({ url: `/assets/vendor/${sheet}` });
      expect(css.statusCode).toBe(200);
      const font = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(css.body)?.[1];
      expect(font).toBeDefined();
      const file = await t.app.inject({ url: `/assets/vendor/${sheet.split("/")[0]}/${font}` });
      expect(file.statusCode).toBe(200);
    }
  });
});
