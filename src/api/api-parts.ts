/** What the HTTP API is given to work with; it owns none of it. */

import type { IncomingMessage, ServerResponse } from "node:http";
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type pg from "pg";
import type { AwardConsumer } from "../awards/award-consumer.js";
import type { StoreFeed } from "../bus/store-feed.js";
import type { Credentials } from "../credentials/credentials.js";
import type { Catalog } from "../domain/catalog.js";
import type { GroupCommitAppender } from "../ingest/group-commit.js";
import type { ServiceMetrics } from "../observability/metrics.js";
import type { EventStore } from "../store/event-store.js";
import type { AccessControl } from "./access.js";

export interface ApiParts {
  pool: pg.Pool;
  store: EventStore;
  ingest: GroupCommitAppender;
  feed: StoreFeed;
  consumer: AwardConsumer;
  catalog: Catalog;
  metrics: ServiceMetrics;
  access: AccessControl;
  credentials: Credentials;
}

export interface ApiLimits {
  /** Most envelopes in one batch request. */
  batchMaxEvents: number;
  /** Largest request body, in bytes. */
  bodyLimitBytes: number;
  /** Time between SSE heartbeats. */
  heartbeatMs: number;
  /** How long an SSE client may take to accept more data before it is dropped. */
  slowClientMs: number;
  /**
   * How long a closing server waits for requests in flight and open streams
   * before it closes every connection left.
   */
  closeGraceMs: number;
}

export type Api = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;
