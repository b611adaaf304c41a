/** The measurements of `npm run bench`, in the order they run and print. */
import { httpIngest } from "./http-ingest.js";
import { latency } from "./latency.js";
import { memory } from "./memory.js";
import { natsIngest } from "./nats-ingest.js";
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
  natsIngest,
  latency,
  replay,
  memory,
];
