/**
 * The benchmark table: throughput with its spread over runs, and each
 * throughput as a multiple of the plain batched INSERT and of the sketch's
 * design with 8 workers on the same target.
 */
import type { Figure, ResultRow } from "./result-row.js";
import { type Column, renderTable } from "./table.js";

export const referenceKey = "reference";
export const sketchWorkersKey = "sketch-8";

const columns: Column[] = [
  { header: "target" },
  { header: "measurement" },
  { header: "events/s", align: "right" },
  { header: "min", align: "right" },
  { header: "max", align: "right" },
  { header: "x reference", align: "right" },
  { header: "x sketch 8w", align: "right" },
  { header: "detail" },
];

export function resultsTable(rows: readonly ResultRow[]): string {
  return renderTable(
    columns,
    rows.map((row) => cells(row, rows)),
  );
}

function cells(row: ResultRow, all: readonly ResultRow[]): string[] {
  const rate = row.eventsPerSecond;
  return [
    row.target,
    row.measurement,
    rate ? whole(rate.median) : "",
    rate ? whole(rate.min) : "",
    rate ? whole(rate.max) : "",
    ratio(row, baseline(all, row.target, referenceKey)),
    ratio(row, baseline(all, row.target, sketchWorkersKey)),
    detail(row),
  ];
}

function baseline(
  rows: readonly ResultRow[],
  target: string,
  key: string,
): number | undefined {
  const found = rows.find((row) => row.target === target && row.key === key);
  return found?.eventsPerSecond?.median;
}

function ratio(row: ResultRow, base: number | undefined): string {
  const rate = row.eventsPerSecond?.median;
  if (rate === undefined || base === undefined || !(base > 0)) {
    return "";
  }
  return `${(rate / base).toFixed(2)}`;
}

function detail(row: ResultRow): string {
  const figures = (row.figures ?? []).map(formatFigure);
  return [...figures, ...(row.note ? [row.note] : [])].join(", ");
}

function formatFigure({ label, value, unit }: Figure): string {
  const digits = Math.abs(value) >= 100 ? 0 : 1;
  return `${label} ${value.toFixed(digits)} ${unit}`.trimEnd();
}

function whole(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString("en") : "-";
}
