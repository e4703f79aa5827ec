// User accounts beyond what the sign-in pages do: the first admin, the CLI's `user add`, and the
// admin page's list / make admin / disable. Passwords are hashed by better-auth itself.
import { toUserRole, type UserRole, type Viewer } from "../../core/access";
import type { PrismaClient } from "../db/prisma";
import type { Logger } from "../log";
import { MIN_PASSWORD_LENGTH, type BetterAuthInstance } from "./better-auth";
import { PodiumError } from "../../core/api/errors";
import type { AccountSummary } from "../../core/api/admin";
export type { AccountSummary };

export type AccountErrorReason = "email_taken" | "invalid_email" | "weak_password" | "not_found" | "self_change";

export class AccountError extends PodiumError {
  override name = "AccountError";
  constructor(
    readonly reason: AccountErrorReason,
    message: string,
  ) {
    super(reason === "email_taken" ? "conflict" : reason === "not_found" ? "not_found" : "bad_request", message);
  }
}

export interface NewLocalUser {
  email: string;
  password: string;
  name?: string;
  role?: UserRole;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export class Accounts {
  constructor(
    private readonly auth: BetterAuthInstance,
    private readonly prisma: PrismaClient,
  ) {}

  /** An email + password account, as sign-up makes, but with a chosen role (CLI, first admin); an admin vouches for its address, so it is verified. */
  async createLocalUser(input: NewLocalUser): Promise<Viewer> {
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email)) throw new AccountError("invalid_email", `"${input.email}" is not an email address.`);
    if (input.password.length < MIN_PASSWORD_LENGTH) {
      throw new AccountError("weak_password", `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
    }
    const context = await this.auth.$context;
    if (await context.internalAdapter.findUserByEmail(email)) {
      throw new AccountError("email_taken", `An account for ${email} exists already.`);
    }
    const role = input.role ?? "member";
    const user = await context.internalAdapter.createUser({ email, name: input.name?.trim() || email.split("@")[0]!, emailVerified: true, role });
    await context.internalAdapter.linkAccount({
      accountId: user.id,
      providerId: "credential",
      userId: user.id,
      password: await context.password.hash(input.password),
    });
    return { id: user.id, name: user.name, email: user.email, role };
  }

  /** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when there is no user at all. */
  async ensureFirstAdmin(email: string | undefined, password: string | undefined, log: Logger): Promise<void> {
    if (!email || !password) return;
    if ((await this.prisma.user.count()) > 0) return;
    try {
      await this.createLocalUser({ email, password, role: "admin" });
      log.info({ email }, "created the first admin from ADMIN_EMAIL");
    } catch (error) {
      // Another instance starting at the same moment may have created it.
      if (error instanceof AccountError && error.reason === "email_taken") return;
      throw error;
    }
  }

  async findByEmail(email: string): Promise<AccountSummary | null> {
    const user = await this.prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
    return user ? summary(user) : null;
  }

  async list(): Promise<AccountSummary[]> {
    const users = await this.prisma.user.findMany({ orderBy: { createdAt: "asc" } });
    return users.map(summary);
  }

  async setRole(actorId: string, userId: string, role: UserRole): Promise<AccountSummary> {
    if (actorId === userId && role !== "admin") {
      throw new AccountError("self_change", "You cannot take away your own admin role; ask another admin.");
    }
    return this.update(userId, { role });
  }

  /** Disabling signs the user out everywhere; their tokens stop working (checked on every use). */
  async setDisabled(actorId: string, userId: string, disabled: boolean): Promise<AccountSummary> {
    if (actorId === userId && disabled) throw new AccountError("self_change", "You cannot disable your own account.");
    const updated = await this.update(userId, { banned: disabled, banReason: disabled ? "Disabled by an admin" : null });
    if (disabled) await this.prisma.session.deleteMany({ where: { userId } });
    return updated;
  }

  private async update(userId: string, data: { role?: UserRole; banned?: boolean; banReason?: string | null }): Promise<AccountSummary> {
    const { count } = await this.prisma.user.updateMany({ where: { id: userId }, data });
    if (count === 0) throw new AccountError("not_found", "No user with this id.");
    return summary((await this.prisma.user.findUniqueOrThrow({ where: { id: userId } })));
  }
}

function summary(user: { id: string; name: string; email: string; role: string; banned: boolean; createdAt: Date }): AccountSummary {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: toUserRole(user.role),
    disabled: user.banned,
    createdAt: user.createdAt.toISOString(),
  };
}
