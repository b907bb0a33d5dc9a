import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";

export interface Column {
  label: ComponentChildren;
  /** The name a cell shows on a phone when `label` is not plain text. */
  cardLabel?: string;
  /** Right-aligned numbers in tabular figures (sk-numeric), in the header and in the cells. */
  numeric?: boolean;
  /** Short values that must stay on one line, e.g. "2021-2024", which would break at its dash. */
  nowrap?: boolean;
  /** The column the rows are sorted by (aria-sort). */
  sort?: "ascending" | "descending" | undefined;
}

export interface Row {
  key: string | number;
  /** One per column, in the same order. */
  cells: readonly ComponentChildren[];
}

/**
 * How a table fits a narrow screen. "reflow": below 40em each row is a card and each cell shows
 * its column's name. "scroll": the table keeps its grid and scrolls sideways inside its own
 * region, for matrices of numbers that only read well as a grid.
 */
export type TableLayout = "reflow" | "scroll";

/** A column of numbers: right-aligned, in tabular figures. */
export const numeric = (label: string): Column => ({ label, numeric: true });

/** What a cell without a value shows; a card on a phone leaves such a cell out. */
export const EMPTY = "—";

const asColumn = (column: Column | string): Column =>
  typeof column === "object" ? column : { label: column };

const numericClass = (column: Column | undefined) =>
  `${column?.numeric ? " sk-numeric" : ""}${column?.nowrap ? " sk-nowrap" : ""}`;

const cardLabel = (column: Column | undefined) =>
  column?.cardLabel ?? (typeof column?.label === "string" ? column.label : undefined);

/** Few number columns reflow into cards; a matrix of numbers keeps its grid. */
export const defaultLayout = (columns: readonly (Column | string)[]): TableLayout =>
  columns.filter((c) => asColumn(c).numeric).length >= 3 ? "scroll" : "reflow";

/**
 * A data table in the NL Design System (Utrecht) markup: a caption, one header row, and the
 * rows. With `rowHeaders` the first cell of each row is that row's header (th scope="row"), and
 * the title of its card on a phone. The wrapper is a region named by the caption that takes
 * keyboard focus, so a table wider than the screen can be scrolled without a mouse while the
 * page itself never scrolls sideways.
 */
export function DataTable(props: {
  caption: ComponentChildren;
  /** The caption stays for screen readers only, e.g. when a heading right above says the same. */
  captionHidden?: boolean;
  columns: readonly (Column | string)[];
  rows: readonly Row[];
  rowHeaders?: boolean;
  layout?: TableLayout;
  /** An extra class on the table, e.g. for a test or a print rule to find it. */
  tableClass?: string;
  id?: string;
  /** -1 makes the table a target for focus, e.g. from the error summary. */
  tabIndex?: number;
}) {
  const generated = useId();
  const captionId = `${props.id ?? `tabel-${generated}`}-titel`;
  const columns = props.columns.map(asColumn);
  const layout = props.layout ?? defaultLayout(columns);
  const reflow = layout === "reflow";
  return (
    // A named section is a region landmark. It must take focus: a region that scrolls has to be
    // scrollable from the keyboard (WCAG 2.1.1; axe scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region needs keyboard focus
    <section class={`sk-table sk-table--${layout}`} aria-labelledby={captionId} tabIndex={0}>
      <table
        class={`utrecht-table${props.tableClass ? ` ${props.tableClass}` : ""}`}
        id={props.id}
        tabIndex={props.tabIndex}
      >
        <caption
          class={`utrecht-table__caption${props.captionHidden ? " sk-visually-hidden" : ""}`}
          id={captionId}
        >
          {props.caption}
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {columns.map((column, i) => (
              <th
                key={i}
                class={`utrecht-table__header-cell${numericClass(column)}`}
                scope="col"
                aria-sort={column.sort}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.rows.map((row) => (
            <tr key={row.key} class="utrecht-table__row">
              {row.cells.map((cell, i) =>
                props.rowHeaders && i === 0 ? (
                  <th
                    key={i}
                    class={`utrecht-table__header-cell${numericClass(columns[0])}`}
                    scope="row"
                  >
                    {cell}
                  </th>
                ) : (
                  <td
                    key={i}
                    class={`utrecht-table__cell${numericClass(columns[i])}${cell === EMPTY ? " sk-cell--empty" : ""}`}
                  >
                    {reflow ? <CardCell label={cardLabel(columns[i])}>{cell}</CardCell> : cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * A cell's column name, shown only when the row is a card. Screen readers skip it: they announce
 * the column header from the table itself.
 */
function CardCell({ label, children }: { label: string | undefined; children: ComponentChildren }) {
  if (!label) return <>{children}</>;
  return (
    <>
      <span class="sk-cell-label" aria-hidden="true">
        {label}
      </span>
      <span class="sk-cell-value">{children}</span>
    </>
  );
}
