/** A way of ingesting that this benchmark does not measure yet, listed so it is not forgotten. */
import type { Scenario } from "./scenario.js";

export function notMeasured(
  key: string,
  measurement: string,
  reason: string,
): Scenario {
  return {
    key,
    name: measurement,
    run: async (context) => [
      {
        target: context.target.name,
        key,
        measurement,
        note: `not measured: ${reason}`,
      },
    ],
  };
}
