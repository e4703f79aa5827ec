// A fresh, empty database per test file, inside the run's PostgreSQL.
import pg from "pg";
import { inject } from "vitest";
import { applyMigrations } from "../../server/db/migrate";
import { createPrismaClient, type PrismaClient } from "../../server/db/prisma";

export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `podium_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A fresh database with Podium's migrations applied and a Prisma client on it. */
export async function createMigratedDatabase(): Promise<{ url: string; prisma: PrismaClient; drop(): Promise<void> }> {
  const database = await createTestDatabase();
  await applyMigrations(database.url);
  const prisma = createPrismaClient(database.url);
  return {
    url: database.url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await database.drop();
    },
  };
}
