import { rm } from "node:fs/promises";

export default async function globalTeardown(): Promise<void> {
  // The web server has stopped by now; its embedded PostgreSQL data is no longer needed.
  const dataDir = process.env.E2E_DATA_DIR;
  if (dataDir?.includes("podium-e2e-")) await rm(dataDir, { recursive: true, force: true });
}
