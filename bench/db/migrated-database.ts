/** A fresh database with the service's schema, and a pool on it. */
import pg from "pg";
import { migrate } from "../../src/store/migrator.js";
import { silentLogger } from "../support/silent-logger.js";
import { withFreshDatabase } from "./fresh-database.js";

export interface MigratedDatabase {
  url: string;
  pool: pg.Pool;
}

export function withMigratedDatabase<T>(
  serverUrl: string,
  work: (database: MigratedDatabase) => Promise<T>,
): Promise<T> {
  return withFreshDatabase(serverUrl, async (url) => {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    // A restarted or dropped server cuts idle connections; that is expected.
    pool.on("error", () => {});
    try {
      await migrate(pool, silentLogger);
      return await work({ url, pool });
    } finally {
      await pool.end();
    }
  });
}

export async function countStored(
  pool: pg.Pool,
  eventName: string,
): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    "SELECT count(*) AS n FROM event_store WHERE event_name = $1",
    [eventName],
  );
  return Number(rows[0]?.n);
}
