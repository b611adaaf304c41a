/**
 * The service's Prometheus metrics, on a registry of its own so that several
 * services in one process (as in tests) keep separate figures.
 */
import type pg from "pg";
import {
  Counter,
  collectDefaultMetrics,
  Gauge,
  Histogram,
  Registry,
} from "prom-client";
import type { BatchOutcome } from "../awards/award-consumer.js";
import type { ConsumerLag } from "../store/checkpoints.js";

export interface MetricSources {
  pool: pg.Pool;
  consumerLag: () => Promise<ConsumerLag>;
}

export class ServiceMetrics {
  readonly registry = new Registry();

  private readonly eventsIngested = new Counter({
    name: "edupulse_events_ingested_total",
    help: "Events accepted for storage, by type; duplicates excluded.",
    labelNames: ["type"],
    registers: [this.registry],
  });

  private readonly awards = new Counter({
    name: "edupulse_awards_total",
    help: "Badges awarded, by badge id.",
    labelNames: ["badge"],
    registers: [this.registry],
  });

  private readonly deadLetters = new Counter({
    name: "edupulse_dead_lettered_events_total",
    help: "Events the award consumer could not process, by reason code.",
    labelNames: ["code"],
    registers: [this.registry],
  });

  private readonly batchSizes = new Histogram({
    name: "edupulse_consumer_batch_size",
    help: "Events per award consumer transaction.",
    buckets: [1, 5, 10, 50, 100, 250, 500, 1000],
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: "edupulse_http_request_duration_seconds",
    help: "HTTP request latency by method, route and status.",
    labelNames: ["method", "route", "status"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  constructor(sources: MetricSources) {
    collectDefaultMetrics({ register: this.registry, prefix: "edupulse_" });
    this.lagGauges(sources);
    this.poolGauge(sources.pool);
  }

  ingested(types: readonly string[]): void {
    for (const type of types) {
      this.eventsIngested.inc({ type });
    }
  }

  batchProcessed(outcome: BatchOutcome): void {
    this.batchSizes.observe(outcome.read);
    for (const { event } of outcome.awarded) {
      this.awards.inc({ badge: event.payload.badgeId });
    }
    for (const letter of outcome.deadLettered) {
      this.deadLetters.inc({ code: letter.code });
    }
  }

  private lagGauges(sources: MetricSources): void {
    let latest: Promise<ConsumerLag> | undefined;
    // Both gauges are collected on one scrape; one query serves them.
    const lag = () => {
      latest ??= sources.consumerLag().finally(() => {
        setImmediate(() => {
          latest = undefined;
        });
      });
      return latest;
    };
    new Gauge({
      name: "edupulse_consumer_lag_events",
      help: "Events stored but not yet processed by the award consumer.",
      registers: [this.registry],
      async collect() {
        this.set((await lag()).events);
      },
    });
    new Gauge({
      name: "edupulse_consumer_lag_seconds",
      help: "Age of the oldest event the award consumer has not processed.",
      registers: [this.registry],
      async collect() {
        this.set((await lag()).seconds);
      },
    });
  }

  private poolGauge(pool: pg.Pool): void {
    new Gauge({
      name: "edupulse_db_pool_connections",
      help: "Database pool connections by state.",
      labelNames: ["state"],
      registers: [this.registry],
      collect() {
        this.set({ state: "total" }, pool.totalCount);
        this.set({ state: "idle" }, pool.idleCount);
        this.set({ state: "waiting" }, pool.waitingCount);
      },
    });
  }
}
