/**
 * The append-only event store on PostgreSQL: idempotent appends by event id
 * and reads in the global order that never pass an uncommitted transaction.
 */
import type pg from "pg";
import { encodeEvent } from "../domain/envelope-codec.js";
import type { Envelope, EventType } from "../domain/events.js";
import type { Statement, WritePart } from "./statement.js";
import {
  type AppendResult,
  type Cursor,
  decodeRecord,
  type StoredEvent,
  type StoredRecord,
  streamStart,
} from "./stored-event.js";

type Queryable = pg.Pool | pg.PoolClient;

export interface ReadOptions {
  limit?: number;
  /** Only these event names. */
  types?: readonly string[];
  /** All event names but these. */
  excludeTypes?: readonly string[];
}

/*
 * The rows travel as one JSON document: serializing it is one call, where
 * array parameters would have the driver quote and escape every payload.
 */
function insertEvents(rowsDocument: string): string {
  return `INSERT INTO event_store (id, occurred_at, event_name, payload)
SELECT (row->>'id')::uuid, (row->>'occurredAt')::timestamptz,
       row->>'name', row->'event'
FROM jsonb_array_elements(${rowsDocument}::jsonb) AS row
ON CONFLICT (id) DO NOTHING
RETURNING id, global_position`;
}

/**
 * Appends as part of a bigger statement, for writers whose event ids are
 * new by construction (derived from what they record with them); the
 * caller signals the commit.
 */
export function eventsWrite(
  statement: Statement,
  envelopes: readonly Envelope[],
): WritePart {
  return {
    name: "events_appended",
    sql: insertEvents(statement.bind(rowsDocument(envelopes))),
  };
}

/*
 * Times are read as epoch milliseconds: a number parses several times
 * faster than a timestamp's text, and every reader pays it on every row.
 */
const selectColumns = `global_position, transaction_id::text AS transaction_id_text,
  id, event_name, payload,
  (extract(epoch FROM occurred_at) * 1000)::float8 AS occurred_ms,
  (extract(epoch FROM recorded_at) * 1000)::float8 AS recorded_ms`;

/** Rows of transactions older than every running one: none can appear below. */
const settled = "transaction_id < pg_snapshot_xmin(pg_current_snapshot())";

export class EventStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly onCommitted: () => void = () => {},
  ) {}

  /**
   * Appends atomically, the events being one statement; events whose id is
   * stored already are kept as they were.
   */
  async append(envelopes: readonly Envelope[]): Promise<AppendResult[]> {
    const results = await this.appendWithin(this.pool, envelopes);
    if (results.some((result) => !result.duplicate)) {
      this.announceCommitted();
    }
    return results;
  }

  /** Wakes readers after a commit that appended through `appendWithin`. */
  announceCommitted(): void {
    this.onCommitted();
  }

  /** Appends inside the caller's transaction; the caller signals the commit. */
  async appendWithin(
    client: Queryable,
    envelopes: readonly Envelope[],
  ): Promise<AppendResult[]> {
    const firstIndex = new Map<string, number>();
    const unique: Envelope[] = [];
    envelopes.forEach((envelope, index) => {
      if (!firstIndex.has(envelope.id)) {
        firstIndex.set(envelope.id, index);
        unique.push(envelope);
      }
    });

    const inserted = await insertRows(client, unique);
    const missing = unique.map((e) => e.id).filter((id) => !inserted.has(id));
    const existing = await positionsOf(client, missing);

    return envelopes.map((envelope, index) => {
      const position = inserted.get(envelope.id) ?? existing.get(envelope.id);
      if (position === undefined) {
        throw new Error(`event ${envelope.id} was neither stored nor found`);
      }
      const isNew =
        inserted.has(envelope.id) && firstIndex.get(envelope.id) === index;
      return { id: envelope.id, position, duplicate: !isNew };
    });
  }

  /** Rows after the cursor in the global order, committed and settled. */
  async readForward(
    after: Cursor = streamStart,
    options: ReadOptions = {},
    db: Queryable = this.pool,
  ): Promise<StoredRecord[]> {
    const params: unknown[] = [after.transactionId, after.position];
    const filters = [
      settled,
      "(transaction_id, global_position) > ($1::xid8, $2)",
    ];
    if (options.types) {
      params.push(options.types);
      filters.push(`event_name = ANY($${params.length}::text[])`);
    }
    if (options.excludeTypes) {
      params.push(options.excludeTypes);
      filters.push(`event_name <> ALL($${params.length}::text[])`);
    }
    params.push(options.limit ?? 1000);

    const { rows } = await db.query<EventRow>(
      `SELECT ${selectColumns} FROM event_store WHERE ${filters.join(" AND ")}
       ORDER BY transaction_id, global_position LIMIT $${params.length}`,
      params,
    );
    return rows.map(toRecord);
  }

  /** Decoded events of one type after the cursor. */
  async readByType<T extends EventType>(
    type: T,
    after: Cursor = streamStart,
    limit = 1000,
  ): Promise<StoredEvent<T>[]> {
    const records = await this.readForward(after, { types: [type], limit });
    return records.map((record) => decodeRecord(record) as StoredEvent<T>);
  }

  /** The cursor of the newest settled row: reading after it yields only what comes later. */
  async head(): Promise<Cursor> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${selectColumns} FROM event_store WHERE ${settled}
       ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
    );
    const newest = rows[0];
    return newest ? toRecord(newest).cursor : streamStart;
  }

  /** The cursor of the event at a global position, to resume after it. */
  async cursorAt(position: number): Promise<Cursor | undefined> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${selectColumns} FROM event_store WHERE global_position = $1`,
      [position],
    );
    const row = rows[0];
    return row ? toRecord(row).cursor : undefined;
  }
}

interface EventRow {
  global_position: string;
  transaction_id_text: string;
  id: string;
  occurred_ms: number;
  recorded_ms: number;
  event_name: string;
  payload: unknown;
}

function toRecord(row: EventRow): StoredRecord {
  return {
    cursor: {
      transactionId: row.transaction_id_text,
      position: Number(row.global_position),
    },
    id: row.id,
    occurredAt: new Date(row.occurred_ms),
    recordedAt: new Date(row.recorded_ms),
    eventName: row.event_name,
    payload: row.payload,
  };
}

async function insertRows(
  db: Queryable,
  envelopes: readonly Envelope[],
): Promise<Map<string, number>> {
  if (envelopes.length === 0) {
    return new Map();
  }
  const inserted = await db.query<{ id: string; global_position: string }>(
    insertEvents("$1"),
    [rowsDocument(envelopes)],
  );
  return new Map(
    inserted.rows.map((row) => [row.id, Number(row.global_position)]),
  );
}

function rowsDocument(envelopes: readonly Envelope[]): string {
  const rows = envelopes.map((e) => ({
    id: e.id,
    occurredAt: e.occurredAt,
    name: e.event.type,
    event: encodeEvent(e.event),
  }));
  return JSON.stringify(rows);
}

async function positionsOf(
  client: Queryable,
  ids: readonly string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) {
    return new Map();
  }
  const { rows } = await client.query<{ id: string; global_position: string }>(
    "SELECT id, global_position FROM event_store WHERE id = ANY($1::uuid[])",
    [ids],
  );
  return new Map(rows.map((row) => [row.id, Number(row.global_position)]));
}
