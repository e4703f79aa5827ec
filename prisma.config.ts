// Prisma CLI configuration. The app itself never runs the CLI: migrations are applied at start-up
// by server/db/migrate.ts, and `prisma migrate deploy` works too where the schema engine is available.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/podium" },
});
