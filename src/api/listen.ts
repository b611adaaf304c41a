/**
 * Starts the API on HOST and PORT. Without tokens the API has no access
 * control, so it then refuses any address other people could reach.
 */
import { isIP } from "node:net";
import type { Logger } from "pino";
import { ConfigError } from "../config.js";
import type { AccessControl } from "./access.js";
import type { Api } from "./api-parts.js";

export async function listen(
  app: Api,
  access: AccessControl,
  host: string,
  port: number,
  logger: Logger,
): Promise<string> {
  if (access.open) {
    if (!isLoopback(host)) {
      throw new ConfigError(
        `API_TOKENS is empty, so the API has no access control; it listens only on a loopback address, not HOST=${host}`,
      );
    }
    logger.warn(
      { host },
      "API runs open, without tokens, for local development",
    );
  }
  const address = await app.listen({ host, port });
  logger.info({ address }, "HTTP API listening");
  return address;
}

/** Checked before anything starts, so a wrong setting fails at once. */
export function refuseOpenExposure(open: boolean, host: string): void {
  if (open && !isLoopback(host)) {
    throw new ConfigError(
      `API_TOKENS is empty, so the API has no access control; it listens only on a loopback address, not HOST=${host}`,
    );
  }
}

function isLoopback(host: string): boolean {
  if (host === "localhost" || host === "::1") {
    return true;
  }
  return isIP(host) === 4 && host.startsWith("127.");
}
