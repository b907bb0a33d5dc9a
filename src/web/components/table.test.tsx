import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { DataTable, defaultLayout, numeric } from "./table.js";

const table = (props: Parameters<typeof DataTable>[0]) => renderToString(<DataTable {...props} />);

const cellsOf = (html: string, tag: "td" | "th") =>
  [...html.matchAll(new RegExp(`<${tag}[^>]*>(.*?)</${tag}>`, "g"))].map((m) => m[1] ?? "");

describe("DataTable", () => {
  it("reflows: every data cell carries its column's name, hidden from screen readers", () => {
    const html = renderToString(
      <DataTable
        caption="Indicatoren"
        rowHeaders
        columns={["Indicator", { label: "Laatste meting", numeric: true }, "Status"]}
        rows={[
          { key: 1, cells: ["Eenzaamheid", "13% (2024)", "Op koers"] },
          { key: 2, cells: ["Vrijwilligers", "35% (2024)", "—"] },
        ]}
      />,
    );
    expect(html).toContain('class="sk-table sk-table--reflow"');
    const cells = cellsOf(html, "td");
    expect(cells).toHaveLength(4);
    expect(cells[0]).toBe(
      '<span class="sk-cell-label" aria-hidden="true">Laatste meting</span><span class="sk-cell-value">13% (2024)</span>',
    );
    expect(cells[1]).toContain('aria-hidden="true">Status</span>');
    // The row header is the card's title: no label of its own.
    expect(html).toContain('<th class="utrecht-table__header-cell" scope="row">Eenzaamheid</th>');
    // Numbers are marked for right alignment and tabular figures, in header and cells alike.
    expect(html).toContain('<th class="utrecht-table__header-cell sk-numeric" scope="col">');
    expect(html).toContain('<td class="utrecht-table__cell sk-numeric">');
    // A dash is an empty cell, which a card leaves out.
    expect(html).toContain('<td class="utrecht-table__cell sk-cell--empty">');
  });

  it("takes a card label for a column whose header is not plain text", () => {
    const html = renderToString(
      <DataTable
        caption="Kosten"
        columns={[{ label: <abbr title="Gemeente">Gem.</abbr>, cardLabel: "Gemeente" }]}
        rows={[{ key: 1, cells: ["Nieuwegein"] }]}
      />,
    );
    expect(html).toContain('aria-hidden="true">Gemeente</span>');
  });

  it("scrolls inside a region named by its caption that takes keyboard focus", () => {
    const html = table({
      caption: "Metingen per jaar",
      layout: "scroll",
      id: "metingen",
      columns: ["Jaar", numeric("Waarde")],
      rows: [{ key: 2024, cells: ["2024", "12"] }],
    });
    expect(html).toMatch(
      /^<section class="sk-table sk-table--scroll" aria-labelledby="metingen-titel" tabindex="0">/,
    );
    expect(html).toContain(
      '<caption class="utrecht-table__caption" id="metingen-titel">Metingen per jaar</caption>',
    );
    // The grid stays a grid: no card labels.
    expect(html).not.toContain("sk-cell-label");
    expect(cellsOf(html, "td")).toEqual(["2024", "12"]);
  });

  it("gives each table on a page its own caption id, and can hide a caption a heading repeats", () => {
    const html = renderToString(
      <div>
        <DataTable caption="Een" captionHidden columns={["A"]} rows={[]} />
        <DataTable caption="Twee" columns={["A"]} rows={[]} />
      </div>,
    );
    const ids = [...html.matchAll(/aria-labelledby="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    expect(html).toContain(`class="utrecht-table__caption sk-visually-hidden" id="${ids[0]}"`);
    expect(html).toContain(`class="utrecht-table__caption" id="${ids[1]}"`);
  });

  it("reflows tables with few number columns and lets a matrix of numbers scroll", () => {
    expect(defaultLayout(["Naam", { label: "Aantal", numeric: true }])).toBe("reflow");
    const numbers = { label: "n", numeric: true };
    expect(defaultLayout(["Jaar", numbers, numbers, numbers])).toBe("scroll");
  });
});
