// `npm start`: the whole app on one port (PORT, default 3000). Ctrl-C or SIGTERM stops accepting,
// flushes every accepted update, closes PostgreSQL (the embedded one too) and exits 0.
import { dropClosedPipeErrors } from "./closed-pipes";
import { ConfigError, loadConfig } from "./config";
import { createLogger } from "./log";
import { startPodium } from "./podium";

async function main(): Promise<void> {
  dropClosedPipeErrors();
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const podium = await startPodium(config, log);
  console.log(`Podium is ready on http://localhost:${podium.port}`);

  let signalled = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (signalled) return;
    signalled = true;
    log.info({ signal }, "shutting down");
    podium.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
