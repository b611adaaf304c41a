/**
 * The award consumer: reads submitted events from the store after its
 * durable checkpoint and, for each batch in ONE transaction, records the
 * awards, their BadgeAwarded events, the dead letters and the new checkpoint.
 */
import type pg from "pg";
import type { Logger } from "pino";
import type { Dispatcher } from "../bus/dispatcher.js";
import type { Catalog } from "../domain/catalog.js";
import {
  type Envelope,
  followUpTypes,
  isEventOfType,
} from "../domain/events.js";
import type { LearnerProgress } from "../domain/rule-engine/learner-progress.js";
import {
  type ConsumerLag,
  claimCheckpoint,
  consumerLag,
  loadCheckpoint,
} from "../store/checkpoints.js";
import type { DeadLetter } from "../store/dead-letters.js";
import type { EventStore } from "../store/event-store.js";
import { loadProgress } from "../store/learner-progress.js";
import type { Cursor, StoredRecord } from "../store/stored-event.js";
import { inTransaction } from "../store/transaction.js";
import { delay } from "../support/delay.js";
import {
  decodeBatch,
  effectsOf,
  evaluateBatch,
  learnersOf,
} from "./award-plan.js";
import { writeBatch } from "./batch-writes.js";
import { LagWatch } from "./lag-watch.js";
import { ProgressCache } from "./progress-cache.js";

export interface AwardConsumerOptions {
  pool: pg.Pool;
  store: EventStore;
  dispatcher: Dispatcher;
  catalog: Catalog;
  logger: Logger;
  /** Name of the checkpoint; consumers with one name share one position. */
  name?: string;
  batchSize?: number;
  /** Most learners whose progress is kept in memory between batches. */
  progressCacheLearners?: number;
  lagWarningSeconds?: number;
  /** Longest sleep between looks when no commit signal arrives. */
  idleRecheckMs?: number;
  /** Called after each committed batch, for metrics. */
  onBatch?: (outcome: BatchOutcome) => void;
}

export interface BatchOutcome {
  read: number;
  cursor: Cursor;
  awarded: Envelope<"BadgeAwarded">[];
  revoked: Envelope<"BadgeRevoked">[];
  deadLettered: DeadLetter[];
}

/** A committed batch: what it did, and the progress it left behind. */
interface CommittedBatch {
  outcome: BatchOutcome;
  progress: Map<string, LearnerProgress>;
  checkpointVersion: number;
}

/** A page being read while the batch before it commits. */
interface ReadAhead {
  records: Promise<StoredRecord[]>;
}

/** Marks the read handled, so that abandoning it after a failure is quiet. */
function readAhead(records: Promise<StoredRecord[]>): ReadAhead {
  records.catch(() => {});
  return { records };
}

/** Event types this consumer writes and so never needs to read. */
const writtenHere: readonly string[] = followUpTypes;

export class AwardConsumer {
  readonly name: string;
  private readonly batchSize: number;
  private readonly idleRecheckMs: number;
  private readonly logger: Logger;
  private readonly lagWatch: LagWatch;
  private readonly progressCache: ProgressCache;
  private state: "idle" | "running" | "failing" = "idle";

  constructor(private readonly options: AwardConsumerOptions) {
    this.name = options.name ?? "badge-awards";
    this.batchSize = options.batchSize ?? 2000;
    this.idleRecheckMs = options.idleRecheckMs ?? 1000;
    this.logger = options.logger.child({ consumer: this.name });
    this.lagWatch = new LagWatch(this.logger, options.lagWarningSeconds ?? 10);
    this.progressCache = new ProgressCache(
      options.progressCacheLearners ?? 5000,
    );
  }

  /** Whether `run` is working and its last attempt succeeded. */
  get running(): boolean {
    return this.state === "running";
  }

  /** How far the consumer is behind the store. */
  lag(): Promise<ConsumerLag> {
    return consumerLag(this.options.pool, this.name, writtenHere);
  }

  /** Processes batches until aborted; the batch in hand is finished first. */
  async run(abort: AbortSignal): Promise<void> {
    this.state = "running";
    try {
      await this.loop(abort);
    } finally {
      this.state = "idle";
    }
  }

  private async loop(abort: AbortSignal): Promise<void> {
    let cursor: Cursor | undefined;
    let ahead: ReadAhead | undefined;
    let failures = 0;
    while (!abort.aborted) {
      const seen = this.options.dispatcher.generation;
      try {
        cursor ??= await loadCheckpoint(this.options.pool, this.name);
        const records = await (ahead?.records ?? this.read(cursor));
        ahead = undefined;
        // A full page means more is waiting: fetching it while this batch
        // commits keeps the database and this process busy at once.
        const last = records.at(-1);
        if (last && records.length === this.batchSize) {
          ahead = readAhead(this.read(last.cursor));
        }
        const outcome = await this.commitBatch(cursor, records);
        if (outcome.cursor !== last?.cursor) {
          ahead = undefined;
        }
        cursor = outcome.cursor;
        failures = 0;
        this.state = "running";
        if (!ahead) {
          await this.options.dispatcher.nextCommit(
            seen,
            this.idleRecheckMs,
            abort,
          );
        }
      } catch (error) {
        failures += 1;
        cursor = undefined;
        ahead = undefined;
        this.state = "failing";
        const backoffMs = Math.min(30_000, 250 * 2 ** failures);
        this.logger.error(
          { err: error, backoffMs },
          "award batch failed; retrying",
        );
        await delay(backoffMs, abort);
      }
    }
  }

  /** Processes the events after `cursor`, at most one batch. */
  async processBatch(cursor: Cursor): Promise<BatchOutcome> {
    return this.commitBatch(cursor, await this.read(cursor));
  }

  private read(cursor: Cursor): Promise<StoredRecord[]> {
    return this.options.store.readForward(cursor, {
      excludeTypes: writtenHere,
      limit: this.batchSize,
    });
  }

  private async commitBatch(
    cursor: Cursor,
    records: StoredRecord[],
  ): Promise<BatchOutcome> {
    const last = records.at(-1);
    if (!last) {
      return { read: 0, cursor, awarded: [], revoked: [], deadLettered: [] };
    }

    let committed: CommittedBatch | undefined;
    try {
      committed = await inTransaction(this.options.pool, (client) =>
        this.record(client, cursor, records, last.cursor),
      );
    } finally {
      if (committed) {
        this.progressCache.keep(
          committed.checkpointVersion,
          committed.progress,
        );
      } else {
        this.progressCache.drop();
      }
    }
    if (!committed) {
      const moved = await loadCheckpoint(this.options.pool, this.name);
      return {
        read: 0,
        cursor: moved,
        awarded: [],
        revoked: [],
        deadLettered: [],
      };
    }

    const { outcome } = committed;
    this.report(outcome);
    this.lagWatch.observe(last.recordedAt);
    this.options.onBatch?.(outcome);
    return outcome;
  }

  private async record(
    client: pg.PoolClient,
    from: Cursor,
    records: StoredRecord[],
    to: Cursor,
  ): Promise<CommittedBatch | undefined> {
    const checkpointVersion = await claimCheckpoint(client, this.name, from);
    if (checkpointVersion === undefined) {
      return undefined;
    }
    const { catalog } = this.options;
    const { facts, deadLetters } = decodeBatch(records);
    const progress = await this.progressOf(
      client,
      learnersOf(facts),
      checkpointVersion,
    );
    const effects = effectsOf(evaluateBatch(catalog, progress, facts));

    const written = await writeBatch(client, {
      consumer: this.name,
      deadLetters,
      removals: effects.removals,
      awards: effects.awards,
      events: effects.events,
      progress,
      checkpoint: to,
    });
    return {
      outcome: {
        read: records.length,
        cursor: to,
        awarded: effects.events.filter((e) => isEventOfType(e, "BadgeAwarded")),
        revoked: effects.events.filter((e) => isEventOfType(e, "BadgeRevoked")),
        deadLettered: written.deadLettered,
      },
      progress,
      checkpointVersion: written.checkpointVersion,
    };
  }

  /** The learners' progress: from memory where it still holds, else stored. */
  private async progressOf(
    client: pg.PoolClient,
    learnerIds: readonly string[],
    checkpointVersion: number,
  ): Promise<Map<string, LearnerProgress>> {
    const progress = this.progressCache.lookup(checkpointVersion, learnerIds);
    const missing = learnerIds.filter((id) => !progress.has(id));
    if (missing.length > 0) {
      const stored = await loadProgress(client, missing, this.options.catalog);
      for (const [learnerId, learnerProgress] of stored) {
        progress.set(learnerId, learnerProgress);
      }
    }
    return progress;
  }

  private report(outcome: BatchOutcome): void {
    for (const letter of outcome.deadLettered) {
      this.logger.warn(
        {
          eventId: letter.eventId,
          position: letter.position,
          code: letter.code,
        },
        `event dead-lettered: ${letter.reason}`,
      );
    }
    for (const { id, event } of outcome.revoked) {
      this.logger.info(
        {
          learnerId: event.payload.learnerId,
          badgeId: event.payload.badgeId,
          eventId: id,
        },
        "badge revoked",
      );
    }
    for (const { id, event } of outcome.awarded) {
      this.logger.info(
        {
          learnerId: event.payload.learnerId,
          badgeId: event.payload.badgeId,
          eventId: id,
        },
        "badge awarded",
      );
    }
    if (outcome.awarded.length + outcome.revoked.length > 0) {
      this.options.store.announceCommitted();
    }
  }
}
