/**
 * One measured run against the service process: `serve` on a fresh
 * database and a free port, ready to take load before the clock starts,
 * and stopped afterwards whatever happened, so runs never meet.
 */
import pg from "pg";
import { pickFreePort } from "../../src/store/embedded/free-port.js";
import { withFreshDatabase } from "../db/fresh-database.js";
import {
  type ChildOptions,
  type ServiceChild,
  spawnService,
  stopService,
  whileRunning,
} from "./child.js";
import { waitUntilReady } from "./http-client.js";

export interface ReadyService {
  child: ServiceChild;
  /** Where its HTTP API answers. */
  baseUrl: string;
  /** On its database, for the checks of the run. */
  pool: pg.Pool;
}

export type ServiceSettings = Omit<ChildOptions, "databaseUrl" | "port">;

export function withReadyService<T>(
  serverUrl: string,
  settings: ServiceSettings,
  work: (service: ReadyService) => Promise<T>,
): Promise<T> {
  return withFreshDatabase(serverUrl, async (url) => {
    const port = await pickFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const child = spawnService({ ...settings, databaseUrl: url, port });
    try {
      await whileRunning(child, waitUntilReady(baseUrl));
      return await work({ child, baseUrl, pool });
    } finally {
      await stopService(child);
      await pool.end();
    }
  });
}
