/**
 * Commit wake-ups between processes over PostgreSQL LISTEN/NOTIFY. A notice
 * only wakes readers early: they read the store, so a lost notice costs a
 * short delay, never an event. Notices are coalesced because NOTIFY takes a
 * global lock at commit.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Logger } from "pino";
import { delay } from "../support/delay.js";

export const commitChannel = "edupulse_events_committed";

/**
 * Names this process in its notices: it has already woken its own readers
 * in memory, so its listener skips its own notices instead of waking them
 * a second time.
 */
const thisProcess = randomUUID();

/** Sends at most one NOTIFY at a time; calls meanwhile fold into one more. */
export class CommitAnnouncer {
  private sending = false;
  private pending = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly logger: Logger,
  ) {}

  announce(): void {
    this.pending = true;
    if (!this.sending) {
      void this.flush();
    }
  }

  private async flush(): Promise<void> {
    this.sending = true;
    while (this.pending) {
      this.pending = false;
      try {
        await this.pool.query("SELECT pg_notify($1, $2)", [
          commitChannel,
          thisProcess,
        ]);
      } catch (error) {
        this.logger.debug({ err: error }, "commit notice not sent");
      }
    }
    this.sending = false;
  }
}

/** Listens on its own connection and calls `onCommit` for each notice. */
export class CommitListener {
  private client: pg.Client | undefined;
  private readonly stop = new AbortController();

  constructor(
    private readonly connectionString: string,
    private readonly onCommit: () => void,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  async close(): Promise<void> {
    this.stop.abort();
    await this.client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on("notification", (notice) => {
      if (notice.payload !== thisProcess) {
        this.onCommit();
      }
    });
    client.on("error", (error) => this.reconnect(client, error));
    await client.connect();
    await client.query(`LISTEN ${commitChannel}`);
    this.client = client;
  }

  private async reconnect(failed: pg.Client, error: Error): Promise<void> {
    this.logger.warn({ err: error }, "commit listener lost its connection");
    await failed.end().catch(() => {});
    while (!this.stop.signal.aborted) {
      await delay(1000, this.stop.signal);
      try {
        await this.connect();
        this.onCommit();
        this.logger.info("commit listener reconnected");
        return;
      } catch (retryError) {
        this.logger.debug({ err: retryError }, "commit listener retry failed");
      }
    }
  }
}
