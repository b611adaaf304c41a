/**
 * The workload of a fault that strikes several times: half the batches
 * arrive steadily, the other half in one burst before each strike, so that
 * the service is deep in work when it is hit rather than waiting idle.
 */
import {
  type Submission,
  submissionBatches,
  type Workload,
} from "../workload.js";

export interface SteadyAndBursts {
  steady: Submission[][];
  /** One burst of batches per strike, in order. */
  bursts: Submission[][][];
}

export function steadyAndBursts(
  workload: Workload,
  strikes: number,
): SteadyAndBursts {
  const batches = [...submissionBatches(workload, 100)];
  return {
    steady: batches.filter((_, index) => index % 2 === 0),
    bursts: spread(
      batches.filter((_, index) => index % 2 === 1),
      strikes,
    ),
  };
}

function spread<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts);
  return Array.from({ length: parts }, (_, part) =>
    items.slice(part * size, (part + 1) * size),
  );
}
