/** The table of `npm run faults`: one line per fault, one per violation. */
import { renderTable } from "../report/table.js";
import type { FaultReport } from "./fault-report.js";

const columns = [
  { header: "fault" },
  { header: "injected" },
  { header: "events", align: "right" as const },
  { header: "violations", align: "right" as const },
  { header: "detail" },
];

export function faultsTable(reports: readonly FaultReport[]): string {
  return renderTable(columns, reports.flatMap(lines));
}

function lines(report: FaultReport): string[][] {
  if (report.skipped) {
    return [[report.fault, "skipped", "", "", report.skipped]];
  }
  const first = [
    report.fault,
    report.injected,
    report.events.toLocaleString("en"),
    String(report.violations.length),
    report.violations.length === 0 ? "all guarantees held" : "",
  ];
  const details = report.violations.map((v) => ["", "", "", "", v]);
  const log =
    report.violations.length > 0 && report.serviceLog
      ? [["", "", "", "", `service output: ${report.serviceLog}`]]
      : [];
  return [first, ...details, ...log];
}
