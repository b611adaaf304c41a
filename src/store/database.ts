/**
 * Opens the database the service runs on: the PostgreSQL server named by
 * DATABASE_URL, or else a private embedded server in a data folder. Both
 * give the same kind of pool, so everything above runs one code path.
 */
import pg from "pg";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import {
  type EmbeddedServer,
  startEmbeddedServer,
} from "./embedded/embedded-server.js";

export interface Database {
  pool: pg.Pool;
  /** Connection string of this database, for connections outside the pool. */
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/** Readers stall behind an open transaction; a forgotten one must not last. */
const sessionOptions = "-c idle_in_transaction_session_timeout=60000";

export async function openDatabase(
  config: Config,
  logger: Logger,
): Promise<Database> {
  if (config.DATABASE_URL) {
    return poolOn(config.DATABASE_URL, config, logger);
  }
  const server = await startEmbeddedServer({
    dataDir: config.EMBEDDED_PG_DIR,
    logger,
  });
  try {
    const url = await ensureDatabase(server.url, config.EMBEDDED_PG_DATABASE);
    return await poolOn(url, config, logger, server);
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function poolOn(
  url: string,
  config: Config,
  logger: Logger,
  server?: EmbeddedServer,
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: config.DATABASE_POOL_SIZE,
    options: sessionOptions,
  });
  pool.on("error", (error) =>
    logger.warn({ err: error }, "idle database connection failed"),
  );
  await pool.query("SELECT 1");
  return {
    pool,
    url,
    embedded: server !== undefined,
    close: async () => {
      await pool.end();
      await server?.stop();
    },
  };
}

/** Creates the service's database on the embedded server at first start. */
async function ensureDatabase(
  serverUrl: string,
  name: string,
): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      "SELECT 1 FROM pg_database WHERE datname = $1",
      [name],
    );
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    }
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
