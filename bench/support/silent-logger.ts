/** The service's parts want a logger; measurements want them quiet. */
import { pino } from "pino";

export const silentLogger = pino({ level: "silent" });
