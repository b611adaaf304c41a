/**
 * One line of benchmark results: a throughput summary when the measurement
 * has one, and any other figures it produced (latencies, memory).
 */
import type { Summary } from "../support/stats.js";

export interface Figure {
  label: string;
  value: number;
  unit: string;
}

export interface ResultRow {
  target: string;
  /** Stable key of the measurement, for ratios and for comparing JSON files. */
  key: string;
  measurement: string;
  eventsPerSecond?: Summary;
  figures?: Figure[];
  note?: string;
  failed?: boolean;
}

export function figure(label: string, value: number, unit: string): Figure {
  return { label, value, unit };
}
