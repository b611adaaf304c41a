/** The measurements of `npm run bench`, in the order they run and print. */
import { httpIngest } from "./http-ingest.js";
import { latency } from "./latency.js";
import { memory } from "./memory.js";
import { notMeasured } from "./not-measured.js";
import { reference } from "./reference.js";
import { replay } from "./replay.js";
import type { Scenario } from "./scenario.js";
import { serviceIngest } from "./service-ingest.js";
import { sketch } from "./sketch.js";

export const scenarios: readonly Scenario[] = [
  reference,
  sketch,
  serviceIngest(1),
  serviceIngest(100),
  httpIngest(1),
  httpIngest(100),
  notMeasured(
    "nats",
    "NATS JetStream ingest",
    "needs a scenario module with a NATS server (NATS_URL)",
  ),
  latency,
  replay,
  memory,
];
