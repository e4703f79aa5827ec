// `npm run cli -- <command>`: administration from the shell, on the same database as the server
// (DATABASE_URL, or the embedded PostgreSQL of DATA_DIR, running or not).
//
//   user add --email E --password P [--name N] [--admin]
//   token create --email E [--name N]        prints the token as its last line
//   invite create [--email E] [--role member|admin] [--uses N|--unlimited] [--days D]   prints the link as its last line
//   invite list | invite revoke <id>
//   import <dir|zip|md>... [--owner EMAIL]   each markdown file becomes a deck (server/library/library-cli.ts)
//   archive --older-than 90d [--dry-run]      archive decks not edited for that long
//   export --archived --out f.zip [--purge]   the archived decks as a verified zip; --purge deletes them after
import { parseArgs } from "node:util";
import { isPodiumError } from "../core/api/errors";
import { createAuthServices } from "./auth/auth-services";
import { ConfigError, loadConfig, type Config } from "./config";
import { openDatabase } from "./db/database";
import { runningEmbeddedPostgresUrl } from "./db/embedded-postgres";
import { applyMigrations } from "./db/migrate";
import { createPrismaClient } from "./db/prisma";
import { createLogger, type Logger } from "./log";
import type { AuthServices } from "./auth/auth-services";
import { libraryCommands } from "./library/library-cli";

const USAGE = `Usage:
  npm run cli -- user add --email E --password P [--name N] [--admin]
  npm run cli -- token create --email E [--name N]
  npm run cli -- invite create [--email E] [--role member|admin] [--uses N|--unlimited] [--days D]
  npm run cli -- invite list
  npm run cli -- invite revoke <id>
  npm run cli -- import <dir|zip|md>... [--owner EMAIL]
  npm run cli -- archive --older-than 90d [--dry-run]
  npm run cli -- export --archived --out f.zip [--purge]`;

class UsageError extends Error {}

type Command = (args: string[], auth: AuthServices) => Promise<void>;

const commands: Record<string, Command> = {
  "user add": async (args, { accounts }) => {
    const { values } = parseArgs({
      args,
      options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" }, admin: { type: "boolean", default: false } },
    });
    if (!values.email || !values.password) throw new UsageError("user add needs --email and --password.");
    const user = await accounts.createLocalUser({ email: values.email, password: values.password, name: values.name, role: values.admin ? "admin" : "member" });
    console.log(`Created ${user.role} ${user.email} (id ${user.id}).`);
  },
  "token create": async (args, { accounts, tokens }) => {
    const { values } = parseArgs({ args, options: { email: { type: "string" }, name: { type: "string", default: "CLI" } } });
    if (!values.email) throw new UsageError("token create needs --email.");
    const user = await accounts.findByEmail(values.email);
    if (!user) throw new UsageError(`No account with the email ${values.email}; create it with "user add" first.`);
    const created = await tokens.create(user.id, values.name);
    console.log(`Token "${created.name}" for ${user.email}; it is shown only now:`);
    console.log(created.token);
  },
  "invite create": async (args, { invitations }) => {
    const { values } = parseArgs({
      args,
      options: {
        email: { type: "string" },
        role: { type: "string", default: "member" },
        uses: { type: "string", default: "1" },
        unlimited: { type: "boolean", default: false },
        days: { type: "string", default: "7" },
      },
    });
    if (values.role !== "member" && values.role !== "admin") throw new UsageError("--role must be member or admin.");
    const created = await invitations.create({
      email: values.email,
      role: values.role,
      maxUses: values.unlimited ? null : Number(values.uses),
      expiresInDays: Number(values.days),
    });
    const uses = created.maxUses === null ? "any number of sign-ups" : `${created.maxUses} sign-up${created.maxUses === 1 ? "" : "s"}`;
    console.log(`Invitation ${created.id} (${created.role}${created.email ? ` for ${created.email}` : ""}, ${uses}, until ${created.expiresAt}):`);
    console.log(`${invitations.publicUrl}${created.path}`);
  },
  "invite list": async (_args, { invitations }) => {
    for (const invitation of await invitations.list()) {
      const uses = `${invitation.uses}/${invitation.maxUses ?? "∞"}`;
      console.log(`${invitation.id}  ${invitation.status.padEnd(7)}  ${invitation.role.padEnd(6)}  ${uses.padEnd(7)}  ${invitation.expiresAt}  ${invitation.email ?? "(any address)"}`);
    }
  },
  "invite revoke": async (args, { invitations }) => {
    if (!args[0]) throw new UsageError("invite revoke needs the invitation's id (see invite list).");
    const revoked = await invitations.revoke(args[0]);
    console.log(`Revoked invitation ${revoked.id}.`);
  },
};

async function withDatabase<T>(config: Config, log: Logger, run: (databaseUrl: string) => Promise<T>): Promise<T> {
  const running = config.DATABASE_URL ? null : await runningEmbeddedPostgresUrl(config.dataDir);
  if (running) {
    await applyMigrations(running);
    return run(running);
  }
  const database = await openDatabase(config, log);
  try {
    return await run(database.url);
  } finally {
    await database.stop();
  }
}

async function main(argv: string[]): Promise<void> {
  const name = argv.slice(0, 2).join(" ");
  const command = commands[name];
  const libraryCommand = argv[0] ? libraryCommands[argv[0]] : undefined;
  if (!command && !libraryCommand) throw new UsageError(argv.length ? `Unknown command "${libraryCommand ? argv[0] : name}".` : "No command given.");
  const config = loadConfig();
  // The CLI's own output is the point; the server's info logs would drown it.
  const log = createLogger(process.env.LOG_LEVEL ?? "warn");
  await withDatabase(config, log, async (databaseUrl) => {
    const prisma = createPrismaClient(databaseUrl);
    try {
      const auth = await createAuthServices(config, prisma, log);
      if (command) await command(argv.slice(2), auth);
      else await libraryCommand!(argv.slice(1), { config, log, prisma, access: auth.access, databaseUrl });
    } finally {
      await prisma.$disconnect();
    }
  });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const parseError = typeof (error as { code?: unknown }).code === "string" && (error as { code: string }).code.startsWith("ERR_PARSE_ARGS");
  if (error instanceof UsageError || parseError || (error instanceof Error && error.name === "LibraryUsageError")) console.error(`${(error as Error).message}\n\n${USAGE}`);
  // A PodiumError's message is written for the person who caused it (an account taken, a deck not found).
  else if (error instanceof ConfigError || isPodiumError(error)) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
