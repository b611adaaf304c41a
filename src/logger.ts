/** The one structured logger of the service; parts take child loggers. */
import { type Logger, pino } from "pino";

export type { Logger } from "pino";

export function createLogger(level: string, destination: 1 | 2 = 1): Logger {
  return pino(
    { level, base: { service: "edupulse-badges" } },
    pino.destination({ fd: destination, sync: false }),
  );
}
