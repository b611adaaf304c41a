/**
 * The harness's own writer: the service's event store on a pool of the
 * harness, announcing its commits the way another process of the service
 * would, so that the service under test is woken as in production.
 */
import pg from "pg";
import { CommitAnnouncer } from "../../src/store/commit-channel.js";
import { EventStore } from "../../src/store/event-store.js";
import { silentLogger } from "../support/silent-logger.js";

export interface HarnessStore {
  store: EventStore;
  close(): Promise<void>;
}

export function openHarnessStore(url: string): HarnessStore {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // Connections die with a restarted server; appends retry. An idle one
  // reports to the pool; one checked out for a transaction reports to
  // itself and, unheard, would end this process.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  const announcer = new CommitAnnouncer(pool, silentLogger);
  return {
    store: new EventStore(pool, () => announcer.announce()),
    close: () => pool.end(),
  };
}
