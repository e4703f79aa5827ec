// Publishing's own error (a PodiumError: the route wrapper maps its code) and how a
// failure reads on the admin page.
import { FAILURE_HINT, GitError } from "./git";
import { PodiumError } from "../../core/api/errors";

export class PublishingError extends PodiumError {
  override name = "PublishingError";
  constructor(code: "bad_request" | "not_found" | "conflict", message: string) {
    super(code, message);
  }
}

/** A failure as the admin page shows it: what it means, then git's own words (redacted already). */
export function describeFailure(error: unknown): string {
  if (error instanceof GitError) {
    const lines = error.message.split("\n").map((line) => line.trim()).filter((line) => /^(fatal|error|remote|!|hint: Updates were rejected)/i.test(line) || error.kind === "conflict");
    const detail = (lines.length > 0 ? lines : [error.message]).join(" ").slice(0, 400);
    return error.kind === "conflict" ? detail : `${FAILURE_HINT[error.kind]} (${detail})`;
  }
  if (error instanceof PublishingError) return error.message;
  return error instanceof Error ? error.message.slice(0, 400) : "Unknown error.";
}
