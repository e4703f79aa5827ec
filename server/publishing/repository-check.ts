// Is the repository an admin connects one, and may Podium push to it? Checked before the
// connection is saved, so that a wrong URL or a read-only token is refused with the reason.
import { access, constants, stat } from "node:fs/promises";
import path from "node:path";
import { describeFailure, PublishingError } from "./errors";
import { basic, FAILURE_HINT, GitRunner } from "./git";

export interface RepositoryTarget {
  kind: "local" | "https";
  url: string;
}

/** A local absolute path, or an https:// URL (http:// only to this machine), without credentials in it. */
export function parseRepositoryUrl(input: unknown): RepositoryTarget {
  if (typeof input !== "string" || input.trim() === "" || input.length > 2_000) {
    throw new PublishingError("bad_request", '"url" must be a local path (/srv/git/minutes.git) or an https:// repository URL.');
  }
  const value = input.trim();
  if (value.startsWith("/")) return { kind: "local", url: path.resolve(value) };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PublishingError("bad_request", `"${value.slice(0, 200)}" is neither an absolute local path nor an https:// URL.`);
  }
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (!(url.protocol === "https:" || (url.protocol === "http:" && loopback))) {
    throw new PublishingError("bad_request", "Only https:// remotes (http:// to this machine) and local paths are supported; tokens never travel unencrypted.");
  }
  if (url.username || url.password) throw new PublishingError("bad_request", "Put the token in the token field, not in the URL.");
  if (url.search || url.hash) throw new PublishingError("bad_request", "A repository URL has no query or fragment.");
  return { kind: "https", url: url.toString() };
}

export async function checkRepository(target: RepositoryTarget, token: string | null): Promise<void> {
  if (target.kind === "local") {
    const info = await stat(target.url).catch(() => null);
    if (!info?.isDirectory()) throw new PublishingError("bad_request", `There is no folder ${target.url} on the server.`);
    await access(target.url, constants.W_OK).catch(() => {
      throw new PublishingError("bad_request", `Podium may not write to ${target.url}.`);
    });
  }
  const git = new GitRunner({ token }, { name: "Podium", email: "podium@noreply.invalid" });
  try {
    await git.run(["ls-remote", "-q", "--", target.url]);
  } catch (error) {
    throw new PublishingError("bad_request", describeFailure(error));
  }
  if (target.kind === "local") {
    const bare = await git.run(["rev-parse", "--is-bare-repository"], { cwd: target.url, allowFailure: true });
    if (bare.stdout.trim() !== "true") {
      throw new PublishingError("bad_request", `${target.url} is a working copy, not a bare repository; git refuses pushes to its checked-out branch. Use a bare repository (git init --bare).`);
    }
    return;
  }
  // Reading is not enough: ask the server for the push service, as `git push` will.
  const probe = await fetch(`${target.url.replace(/\/$/, "")}/info/refs?service=git-receive-pack`, {
    headers: token ? { authorization: `Basic ${basic(token)}` } : {},
    // Never forward the token to wherever a redirect points.
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  }).catch(() => null);
  if (!probe) throw new PublishingError("bad_request", `${FAILURE_HINT.network}`);
  await probe.body?.cancel().catch(() => undefined);
  if (probe.status === 401 || probe.status === 403) {
    throw new PublishingError("bad_request", token ? "This token may read the repository but not push to it: give it write access (or use another token)." : "The repository needs a token to push: enter one with write access.");
  }
  if (probe.status >= 300 && probe.status < 400) {
    throw new PublishingError("bad_request", `The repository URL redirects${probe.headers.get("location") ? ` to ${probe.headers.get("location")!.split("?")[0]}` : ""}: enter the final URL.`);
  }
  if (!probe.ok || !(probe.headers.get("content-type") ?? "").includes("git-receive-pack")) {
    throw new PublishingError("bad_request", `The repository does not accept pushes over HTTP (it answered ${probe.status}).`);
  }
}
