/**
 * The real HTTP API on a real listening port, over a real service on a test
 * database, for end-to-end tests with a real HTTP client (fetch).
 */
import { afterAll, beforeAll } from "vitest";
import { AccessControl, type ApiToken } from "../../src/api/access.js";
import type { Api, ApiLimits } from "../../src/api/api-parts.js";
import { buildApi, defaultLimits } from "../../src/api/server.js";
import { apiPartsOf } from "../../src/api/start.js";
import type { BadgeService } from "../../src/service.js";
import { testCredentials } from "../credentials/support/test-credentials.js";
import { createTestDatabase, type TestDatabase } from "./test-database.js";
import { silentLogger, startTestService } from "./test-service.js";

export interface ApiUnderTest {
  readonly database: TestDatabase;
  readonly service: BadgeService;
  readonly api: Api;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
}

export interface TestApiOptions {
  tokens?: ApiToken[];
  limits?: Partial<ApiLimits>;
  /** Configuration variables, e.g. ISSUER_ID; keys go to a fresh folder. */
  env?: Record<string, string>;
}

/** Starts database, service and API for the test file; stops them after it. */
export function useTestApi(options: TestApiOptions = {}): ApiUnderTest {
  const state: Partial<ApiUnderTest> = {};

  beforeAll(async () => {
    const database = await createTestDatabase();
    const service = await startTestService(database.url);
    const credentials = await testCredentials(service, options.env);
    const api = await buildApi(
      apiPartsOf(service, new AccessControl(options.tokens ?? []), credentials),
      silentLogger,
      { ...defaultLimits, ...options.limits },
    );
    const url = await api.listen({ host: "127.0.0.1", port: 0 });
    Object.assign(state, { database, service, api, url });
  });

  afterAll(async () => {
    await state.api?.close();
    await state.service?.stop();
    await state.database?.drop();
  });

  const get = <K extends keyof ApiUnderTest>(key: K): ApiUnderTest[K] => {
    const value = state[key];
    if (value === undefined) {
      throw new Error("used before beforeAll ran");
    }
    return value as ApiUnderTest[K];
  };
  return {
    get database() {
      return get("database");
    },
    get service() {
      return get("service");
    },
    get api() {
      return get("api");
    },
    get url() {
      return get("url");
    },
  };
}
