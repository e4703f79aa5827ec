// Runs the `git` CLI for publishing. Why the CLI rather than isomorphic-git: it is the git the
// repository's hosts and our tests speak (every transport, smart HTTP, pack negotiation, rebase),
// it needs no extra dependency, and its error messages are the ones admins can look up. The price:
// the image must install git (Dockerfile).
//
// Safety: the user's and system's git configuration are ignored, nothing prompts, only file and
// http(s) transports are allowed (no `ext::`), and a token travels in an Authorization header set
// through the environment (never in the URL, never on the command line, never in .git/config).
import { spawn } from "node:child_process";

export type GitFailureKind = "auth" | "not_found" | "rejected" | "conflict" | "network" | "other";

export class GitError extends Error {
  override name = "GitError";
  constructor(
    readonly kind: GitFailureKind,
    message: string,
  ) {
    super(message);
  }
}

export interface GitAuth {
  /** A token for HTTPS remotes (sent as Basic x-access-token:<token>), or null. */
  token: string | null;
}

const TIMEOUT_MS = 120_000;

export class GitRunner {
  constructor(
    private readonly auth: GitAuth,
    private readonly identity: { name: string; email: string },
  ) {}

  /** Runs git; resolves with stdout, or rejects with a GitError whose message has no secret in it. */
  async run(args: string[], options: { cwd?: string; env?: Record<string, string>; allowFailure?: boolean } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? "/tmp",
      LANG: "C",
      LC_ALL: "C",
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_TERMINAL_PROMPT: "0",
      GIT_ALLOW_PROTOCOL: "file:http:https",
      GIT_AUTHOR_NAME: this.identity.name,
      GIT_AUTHOR_EMAIL: this.identity.email,
      GIT_COMMITTER_NAME: this.identity.name,
      GIT_COMMITTER_EMAIL: this.identity.email,
      ...this.configEnv(),
      ...options.env,
    };
    const child = spawn("git", args, { cwd: options.cwd, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    const code = await new Promise<number>((resolve, reject) => {
      child.once("error", (error) => reject(new GitError("other", `git could not be started: ${error.message} (is git installed?)`)));
      child.once("close", (exit) => resolve(exit ?? -1));
    }).finally(() => clearTimeout(timer));
    if (code !== 0 && !options.allowFailure) {
      const message = this.redact(stderr.trim() || stdout.trim() || `git ${args[0]} exited with ${code}`);
      throw new GitError(classify(message), message);
    }
    return { code, stdout, stderr: this.redact(stderr) };
  }

  /** Removes the token (as is and as sent in the header) from text that may be shown or logged. */
  redact(text: string): string {
    const { token } = this.auth;
    if (!token) return text;
    return text.replaceAll(token, "***").replaceAll(basic(token), "***");
  }

  private configEnv(): Record<string, string> {
    const entries: [string, string][] = [
      ["credential.helper", ""],
      ["core.hooksPath", "/dev/null"],
      ["commit.gpgsign", "false"],
      ["init.defaultBranch", "main"],
      // A redirect could carry the Authorization header to another host.
      ["http.followRedirects", "false"],
      // Give up on a stalled connection instead of hanging the publishing queue.
      ["http.lowSpeedLimit", "1"],
      ["http.lowSpeedTime", "60"],
    ];
    if (this.auth.token) entries.push(["http.extraHeader", `Authorization: Basic ${basic(this.auth.token)}`]);
    const env: Record<string, string> = { GIT_CONFIG_COUNT: String(entries.length) };
    entries.forEach(([key, value], index) => {
      env[`GIT_CONFIG_KEY_${index}`] = key;
      env[`GIT_CONFIG_VALUE_${index}`] = value;
    });
    return env;
  }
}

export function basic(token: string): string {
  return Buffer.from(`x-access-token:${token}`).toString("base64");
}

/** What went wrong, from git's own words (LANG=C), so the admin page can say what to fix. */
export function classify(message: string): GitFailureKind {
  if (/authentication failed|could not read username|terminal prompts disabled|\b401\b|\b403\b|permission denied|access denied|not authorized/i.test(message)) return "auth";
  if (/non-fast-forward|\[rejected\]|fetch first|stale info|failed to push some refs|pre-receive hook declined|\[remote rejected\]/i.test(message)) return "rejected";
  if (/conflict/i.test(message)) return "conflict";
  if (/does not appear to be a git repository|not a git repository|repository .* not found|\b404\b|not valid: is this a git repository/i.test(message)) return "not_found";
  if (/could not resolve host|failed to connect|connection refused|connection reset|timed out|couldn't connect|network is unreachable|operation too slow|empty reply/i.test(message)) return "network";
  return "other";
}

export const FAILURE_HINT: Record<GitFailureKind, string> = {
  auth: "The repository refused the credentials: check the token and that it may push.",
  not_found: "This is not a git repository (or the token may not see it).",
  rejected: "The repository rejected the push (it changed meanwhile, or the branch is protected).",
  conflict: "The repository changed the same files: resolve it there.",
  network: "The repository could not be reached.",
  other: "git failed.",
};
