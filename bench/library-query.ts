// `npm run bench:library`: the library's listing and full-text search with 10,000 decks of realistic
// size (the fixture community-call decks, varied: dates, teams, words), as a member sees them
// (the access rule in SQL included), through the real query module. Target: p95 under 100 ms.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { Actor } from "../server/access/actor";
import { createPrismaClient } from "../server/db/prisma";
import { LibraryQueryService } from "../server/library/library-query";
import type { LibraryQuery } from "../core/library/library-types";
import { createBenchDatabase } from "./bench-database";
import { describeMachine } from "./machine";

const DECKS = Number(process.env.BENCH_DECKS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FIXTURES = path.resolve(ROOT, "../shared/fixtures/decks");
const TEAMS = ["IaaS", "Ops", "Container", "IAM", "Docs", "Security", "Monitoring", "Storage", "Network", "Community"];
const WORDS = ["kubernetes", "openstack", "keycloak", "ceph", "gardener", "zuul", "terraform", "prometheus", "loki", "harbor", "sovereign", "release"];
const TAGS = ["community-call", "ops", "iaas", "container", "iam", "retro", "planning", "security"];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function main(): Promise<void> {
  const database = await createBenchDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const prisma = createPrismaClient(database.url);
  try {
    const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith(".md")).map((name) => readFileSync(path.join(FIXTURES, name), "utf8"));
    const next = random(20261121);
    const users = Array.from({ length: 50 }, (_, index) => ({ id: `bench-user-${index}`, name: `Member ${index}` }));
    for (const user of users) {
      await client.query(`INSERT INTO "user" (id, name, email) VALUES ($1, $2, $3)`, [user.id, user.name, `${user.id}@bench.test`]);
    }
    const started = performance.now();
    const batch = 250;
    for (let offset = 0; offset < DECKS; offset += batch) {
      const rows: unknown[] = [];
      const values: string[] = [];
      for (let index = offset; index < Math.min(DECKS, offset + batch); index++) {
        const date = new Date(Date.UTC(2019, 0, 1) + index * 86_400_000 * 0.25).toISOString().slice(0, 10);
        const team = TEAMS[Math.floor(next() * TEAMS.length)]!;
        const word = WORDS[Math.floor(next() * WORDS.length)]!;
        const title = `${team} call ${date}`;
        const tags = [TAGS[Math.floor(next() * TAGS.length)]!, TAGS[Math.floor(next() * TAGS.length)]!];
        const body = fixtures[index % fixtures.length]!.replace(/^title:.*$/m, `title: ${title}`) + `\n\n## ${team} notes\n\nWe discussed ${word} and ${WORDS[index % WORDS.length]} (#${index}).\n`;
        const owner = users[Math.floor(next() * users.length)]!.id;
        // Mostly "limited" (members write), some private to their owner, like a real community.
        const memberAccess = next() < 0.85 ? "write" : "none";
        const archived = next() < 0.1 ? new Date() : null;
        const updated = new Date(Date.now() - Math.floor(next() * 3 * 365) * 86_400_000);
        const base = rows.length;
        rows.push(`bench${index.toString(36).padStart(8, "0")}`, body, title, tags, owner, memberAccess, archived, updated, updated);
        values.push(`($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}::access_level, $${base + 7}, $${base + 8}, $${base + 9})`);
      }
      await client.query(`INSERT INTO deck (id, markdown, title, tags, owner_id, member_access, archived_at, updated_at, created_at) VALUES ${values.join(", ")}`, rows);
    }
    const member = users[7]!;
    const { rows: pins } = await client.query<{ id: string }>(`SELECT id FROM deck ORDER BY random() LIMIT 5`);
    for (const pin of pins) await client.query(`INSERT INTO deck_pin (user_id, deck_id) VALUES ($1, $2)`, [member.id, pin.id]);
    await client.query("ANALYZE");
    const loadSeconds = (performance.now() - started) / 1000;
    const { rows: size } = await client.query<{ bytes: string; avg: string }>(`SELECT sum(length(markdown))::text AS bytes, avg(length(markdown))::int::text AS avg FROM deck`);

    const service = new LibraryQueryService(prisma);
    const actor: Actor = { kind: "user", via: "token", user: { id: member.id, name: member.name, email: `${member.id}@bench.test`, role: "member" } };
    const cases: [string, LibraryQuery][] = [
      ["list: default (last edited, page 1)", {}],
      ["list: page 40", { page: 40 }],
      ["list: sort by title", { sort: "title" }],
      ["list: tag filter", { tag: "security" }],
      ["list: owner filter", { owner: users[3]!.id }],
      ["list: archived view", { view: "archived" }],
      ["search: common word (kubernetes)", { q: "kubernetes" }],
      ["search: no match", { q: "walrus" }],
      ["search: two words", { q: "keycloak release" }],
      ["search: phrase + tag", { q: '"Community Call"', tag: "ops" }],
    ];
    // Warm the caches as a running server would be.
    for (const [, query] of cases) await service.list(actor, query);
    const results: { case: string; p50: number; p95: number; max: number; total: number }[] = [];
    for (const [name, query] of cases) {
      const times: number[] = [];
      let total = 0;
      for (let run = 0; run < RUNS; run++) {
        const t0 = performance.now();
        total = (await service.list(actor, query)).total;
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const row = { case: name, p50: round(percentile(times, 0.5)), p95: round(percentile(times, 0.95)), max: round(times.at(-1)!), total };
      results.push(row);
      console.log(`${name.padEnd(40)} p50 ${row.p50.toFixed(1).padStart(6)} ms   p95 ${row.p95.toFixed(1).padStart(6)} ms   (${total} matches)`);
    }
    const worst = Math.max(...results.map((row) => row.p95));
    console.log(`\n${DECKS} decks (${size[0]!.avg} characters each on average), loaded in ${loadSeconds.toFixed(1)} s; worst p95 ${worst.toFixed(1)} ms (target < 100 ms).`);
    mkdirSync(path.join(ROOT, "bench", "results"), { recursive: true });
    writeFileSync(
      path.join(ROOT, "bench", "results", "library-query.json"),
      `${JSON.stringify({ machine: describeMachine(), database: database.description, decks: DECKS, averageChars: Number(size[0]!.avg), runs: RUNS, results }, null, 2)}\n`,
    );
    if (worst >= 100) process.exitCode = 1;
  } finally {
    await prisma.$disconnect();
    await client.end();
    await database.drop();
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
