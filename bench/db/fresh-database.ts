/**
 * A database of its own for each measured run, on the target's server, so
 * that no run sees another's rows, dead tuples or caches of its tables.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createFreshDatabase(
  serverUrl: string,
): Promise<FreshDatabase> {
  const name = `edupulse_bench_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  await flushEarlierWrites(serverUrl);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function withFreshDatabase<T>(
  serverUrl: string,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const database = await createFreshDatabase(serverUrl);
  try {
    return await work(database.url);
  } finally {
    await database.drop();
  }
}

/**
 * Earlier runs leave dirty pages and WAL behind; a checkpoint now writes them
 * out before this run starts instead of in the middle of it. Without the
 * right to, the run goes on as it is.
 */
async function flushEarlierWrites(serverUrl: string): Promise<void> {
  try {
    await onServer(serverUrl, "CHECKPOINT");
  } catch (error) {
    if ((error as { code?: string }).code !== "42501") {
      throw error;
    }
  }
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
