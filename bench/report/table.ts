/** A plain-text table with aligned columns, for terminals and CI logs. */

export interface Column {
  header: string;
  align?: "left" | "right";
}

export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
): string {
  const widths = columns.map((column, index) =>
    Math.max(
      column.header.length,
      ...rows.map((row) => cell(row, index).length),
    ),
  );
  const line = (cells: readonly string[]) =>
    columns
      .map((column, index) => {
        const text = cell(cells, index);
        const width = widths[index] ?? 0;
        return column.align === "right"
          ? text.padStart(width)
          : text.padEnd(width);
      })
      .join(" | ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("-|-");
  return [line(columns.map((c) => c.header)), rule, ...rows.map(line)].join(
    "\n",
  );
}

function cell(row: readonly string[], index: number): string {
  return row[index] ?? "";
}
