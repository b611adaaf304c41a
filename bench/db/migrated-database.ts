/** A fresh database with the service's schema, and a pool on it. */
import pg from "pg";
import { migrate } from "../../src/store/migrator.js";
import { silentLogger } from "../support/silent-logger.js";
import { WrongResultError } from "./award-counts.js";
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

/** A run that lost or doubled a submission is a wrong result. */
export async function expectStored(
  pool: pg.Pool,
  expected: number,
): Promise<void> {
  const stored = await countStored(pool, "QuizSubmitted");
  if (stored !== expected) {
    throw new WrongResultError(`stored ${stored} events of ${expected}`);
  }
}
