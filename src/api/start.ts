/** Builds the API over a running service and starts listening. */
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { Credentials } from "../credentials/credentials.js";
import type { BadgeService } from "../service.js";
import { AccessControl } from "./access.js";
import type { Api, ApiParts } from "./api-parts.js";
import { listen } from "./listen.js";
import { buildApi, defaultLimits } from "./server.js";

export async function startApi(
  service: BadgeService,
  config: Config,
  logger: Logger,
): Promise<Api> {
  const access = new AccessControl(config.API_TOKENS);
  const credentials = await Credentials.open(
    config,
    service.catalog,
    service.database.pool,
  );
  const app = await buildApi(apiPartsOf(service, access, credentials), logger, {
    ...defaultLimits,
    batchMaxEvents: config.BATCH_MAX_EVENTS,
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
  });
  try {
    await listen(app, access, config.HOST, config.PORT, logger);
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}

/** The parts of a running service the API works with. */
export function apiPartsOf(
  service: BadgeService,
  access: AccessControl,
  credentials: Credentials,
): ApiParts {
  return {
    pool: service.database.pool,
    store: service.store,
    ingest: service.ingest,
    feed: service.feed,
    consumer: service.consumer,
    catalog: service.catalog,
    metrics: service.metrics,
    access,
    credentials,
  };
}
