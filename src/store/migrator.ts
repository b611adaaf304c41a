/**
 * Applies pending migrations, each in its own transaction, and records them.
 * An advisory lock makes processes that start at once take turns: the first
 * applies, the others find nothing left to do.
 */
import type pg from "pg";
import type { Logger } from "pino";
import { type Migration, migrations } from "./migrations/index.js";
import { withClient } from "./transaction.js";

const migrationLock = 0x65647570; // "edup"

export async function migrate(
  pool: pg.Pool,
  logger: Logger,
  pending: readonly Migration[] = migrations,
): Promise<number[]> {
  return withClient(pool, async (client) => {
    await client.query("SELECT pg_advisory_lock($1)", [migrationLock]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      return await applyPending(client, logger, pending);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [migrationLock]);
    }
  });
}

async function applyPending(
  client: pg.PoolClient,
  logger: Logger,
  all: readonly Migration[],
): Promise<number[]> {
  const { rows } = await client.query<{ version: number }>(
    "SELECT version FROM schema_migrations",
  );
  const done = new Set(rows.map((row) => row.version));
  const applied: number[] = [];

  for (const migration of all.filter((m) => !done.has(m.version))) {
    await applyOne(client, migration);
    logger.info({ version: migration.version }, `migrated: ${migration.name}`);
    applied.push(migration.version);
  }
  return applied;
}

async function applyOne(client: pg.PoolClient, migration: Migration) {
  await client.query("BEGIN");
  try {
    await client.query(migration.sql);
    await client.query(
      "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
      [migration.version, migration.name],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/** The newest version the code knows, for readiness checks. */
export const latestVersion = Math.max(...migrations.map((m) => m.version));
