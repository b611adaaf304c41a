import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latestVersion, migrate } from "../../src/store/migrator.js";
import {
  createTestDatabase,
  type TestDatabase,
} from "../support/test-database.js";
import { silentLogger } from "../support/test-service.js";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describe("migrator", () => {
  it("applies every migration once when several processes start at the same time", async () => {
    const pools = Array.from(
      { length: 4 },
      () => new pg.Pool({ connectionString: database.url }),
    );
    const applied = await Promise.all(
      pools.map((pool) => migrate(pool, silentLogger)),
    );
    await Promise.all(pools.map((pool) => pool.end()));

    expect(applied.flat().sort()).toEqual(
      Array.from({ length: latestVersion }, (_, i) => i + 1),
    );
    const { rows } = await database.pool.query(
      "SELECT version FROM schema_migrations ORDER BY version",
    );
    expect(rows.map((r) => r.version)).toEqual(
      Array.from({ length: latestVersion }, (_, i) => i + 1),
    );
  });

  it("does nothing when the schema is up to date", async () => {
    expect(await migrate(database.pool, silentLogger)).toEqual([]);
  });
});
