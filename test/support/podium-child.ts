// Entry point of a Podium server in its own process, without Next.js (the sync server, persistence
// and /metrics only), for tests and benchmarks that kill -9 it or must not share its CPU time.
// Configured through the environment like server/main.ts; prints the same ready line.
import { loadConfig } from "../../server/config";
import { createLogger } from "../../server/log";
import { startPodium } from "../../server/podium";

const config = loadConfig();
const log = createLogger(config.LOG_LEVEL);
const podium = await startPodium(config, log, { next: false });
console.log(`Podium is ready on http://localhost:${podium.port}`);

const shutdown = () => {
  podium.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      log.error({ err: error }, "shutdown failed");
      process.exit(1);
    },
  );
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
