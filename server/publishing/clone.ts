// The local clone publishing works in (DATA_DIR/publishing/<hash of the URL>): brought up to date
// with the remote before each run, Podium's unpushed commits replayed on top; then pushed.
import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { GitError, type GitRunner } from "./git";

/** The clone, up to date with the remote, with its own unpushed commits replayed on top. */
export async function syncClone(git: GitRunner, url: string, branch: string, dir: string): Promise<void> {
  if (!existsSync(path.join(dir, ".git"))) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(path.dirname(dir), { recursive: true });
    await git.run(["clone", "-q", "--", url, dir]);
  } else {
    await git.run(["remote", "set-url", "origin", "--", url], { cwd: dir });
    await git.run(["fetch", "-q", "--prune", "origin"], { cwd: dir });
  }
  const has = async (ref: string) => (await git.run(["rev-parse", "-q", "--verify", `${ref}^{commit}`], { cwd: dir, allowFailure: true })).code === 0;
  const current = (await git.run(["symbolic-ref", "-q", "--short", "HEAD"], { cwd: dir, allowFailure: true })).stdout.trim();
  const remote = `refs/remotes/origin/${branch}`;
  if (current !== branch) {
    if (await has(`refs/heads/${branch}`)) await git.run(["checkout", "-q", "-f", branch], { cwd: dir });
    else if (await has(remote)) await git.run(["checkout", "-q", "-f", "-B", branch, remote], { cwd: dir });
    else if (await has("HEAD")) {
      await git.run(["checkout", "-q", "--orphan", branch], { cwd: dir });
      await git.run(["rm", "-rfq", "--ignore-unmatch", "."], { cwd: dir });
    } else await git.run(["symbolic-ref", "HEAD", `refs/heads/${branch}`], { cwd: dir });
  }
  if (await has("HEAD")) {
    await git.run(["reset", "-q", "--hard"], { cwd: dir });
    await git.run(["clean", "-fdq"], { cwd: dir });
  }
  if (!(await has(remote))) return;
  if (!(await has("HEAD"))) {
    await git.run(["reset", "-q", "--hard", remote], { cwd: dir });
    return;
  }
  const ahead = Number((await git.run(["rev-list", "--count", `${remote}..HEAD`], { cwd: dir })).stdout.trim());
  if (ahead === 0) {
    await git.run(["reset", "-q", "--hard", remote], { cwd: dir });
    return;
  }
  const rebase = await git.run(["rebase", "-q", remote], { cwd: dir, allowFailure: true });
  if (rebase.code !== 0) {
    const conflicted = (await git.run(["diff", "--name-only", "--diff-filter=U"], { cwd: dir, allowFailure: true })).stdout.trim().split("\n").filter(Boolean);
    await git.run(["rebase", "--abort"], { cwd: dir, allowFailure: true });
    throw new GitError(
      "conflict",
      `The repository changed ${conflicted.length > 0 ? conflicted.join(", ") : "the same files"} since Podium's last push; Podium's commits are kept in its clone. Resolve it in the repository (or revert that change), and the next retry pushes.`,
    );
  }
}

/** Pushes what the remote does not have yet; false when there was nothing to push. */
export async function pushClone(git: GitRunner, dir: string, branch: string): Promise<boolean> {
  if ((await git.run(["rev-parse", "-q", "--verify", "HEAD"], { cwd: dir, allowFailure: true })).code !== 0) return false;
  const remote = `refs/remotes/origin/${branch}`;
  const hasRemote = (await git.run(["rev-parse", "-q", "--verify", remote], { cwd: dir, allowFailure: true })).code === 0;
  if (hasRemote && Number((await git.run(["rev-list", "--count", `${remote}..HEAD`], { cwd: dir })).stdout.trim()) === 0) return false;
  await git.run(["push", "-q", "origin", `HEAD:refs/heads/${branch}`], { cwd: dir });
  return true;
}
