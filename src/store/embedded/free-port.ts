/** Asks the OS for a TCP port on 127.0.0.1 that nothing listens on right now. */
import { createServer } from "node:net";

export function pickFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() =>
        port > 0 ? resolve(port) : reject(new Error("no port assigned")),
      );
    });
  });
}
