import type { ComponentChildren } from "preact";

export interface Column {
  label: ComponentChildren;
  /** Right-aligned numbers (sk-numeric), in the header and in the column's cells. */
  numeric?: boolean;
  /** The column the rows are sorted by (aria-sort). */
  sort?: "ascending" | "descending" | undefined;
}

export interface Row {
  key: string | number;
  /** One per column, in the same order. */
  cells: readonly ComponentChildren[];
}

const numericClass = (column: Column | string | undefined) =>
  typeof column === "object" && column.numeric ? " sk-numeric" : "";

/**
 * A data table in the NL Design System (Utrecht) markup, in the wrapper that lets a wide table
 * scroll: a caption, one header row, and the rows. With `rowHeaders` the first cell of each row is
 * that row's header (th scope="row").
 */
export function DataTable(props: {
  caption: ComponentChildren;
  columns: readonly (Column | string)[];
  rows: readonly Row[];
  rowHeaders?: boolean;
  id?: string;
  /** -1 makes the table a target for focus, e.g. from the error summary. */
  tabIndex?: number;
}) {
  return (
    <div class="sk-table-wrapper">
      <table class="utrecht-table" id={props.id} tabIndex={props.tabIndex}>
        <caption class="utrecht-table__caption">{props.caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {props.columns.map((column) => (
              <th
                class={`utrecht-table__header-cell${numericClass(column)}`}
                scope="col"
                aria-sort={typeof column === "object" ? column.sort : undefined}
              >
                {typeof column === "object" ? column.label : column}
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
                    class={`utrecht-table__header-cell${numericClass(props.columns[0])}`}
                    scope="row"
                  >
                    {cell}
                  </th>
                ) : (
                  <td class={`utrecht-table__cell${numericClass(props.columns[i])}`}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
