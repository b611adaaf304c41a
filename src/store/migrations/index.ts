/** The schema's history, in order. A released entry is never edited. */
import { sketchTables } from "./0001-sketch-tables.js";
import { globalOrder } from "./0002-global-order.js";
import { awardConsumer } from "./0003-award-consumer.js";
import { busDeadLetters } from "./0004-bus-dead-letters.js";
import { learnerProgress } from "./0005-learner-progress.js";
import { checkpointVersion } from "./0006-checkpoint-version.js";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: "sketch tables", sql: sketchTables },
  { version: 2, name: "global order", sql: globalOrder },
  { version: 3, name: "award consumer", sql: awardConsumer },
  { version: 4, name: "bus dead letters", sql: busDeadLetters },
  { version: 5, name: "learner progress", sql: learnerProgress },
  { version: 6, name: "checkpoint version", sql: checkpointVersion },
];
