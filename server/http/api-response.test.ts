import { describe, expect, it, vi } from "vitest";
import { ERROR_STATUS, isPodiumError, PodiumError } from "../../core/api/errors";
import { RenameError } from "../../core/library/frontmatter-title";
import { AccessError } from "../access/access-control";
import { AuthenticationError } from "../access/actor";
import { AccountError } from "../auth/accounts";
import { RateLimitedError } from "../auth/account-rate-limits";
import { ApiTokenError } from "../auth/api-tokens";
import { InvitationError } from "../auth/invitations";
import { DeckTooLargeError } from "../decks/deck-service";
import { ArchiveVerificationError } from "../library/archive-verify";
import { ImportLimitError } from "../library/import-budget";
import { ImportThrottledError } from "../library/import-service";
import { LibraryError } from "../library/library-service";
import { MediaRejectedError } from "../library/media-store";
import { RevisionNotFoundError } from "../library/revision-service";
import { ApiError, errorResponse, handleApi } from "./api-response";

async function answer(error: unknown): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await handleApi(async () => {
    throw error;
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

describe("the one route wrapper", () => {
  it("answers an error thrown by another copy of the error module (the server's, seen from Next's bundle)", async () => {
    // The query makes Vite load the module a second time, as a second bundle would.
    const copy = "../../core/api/errors.ts?another-bundle";
    const other = (await import(/* @vite-ignore */ copy)) as typeof import("../../core/api/errors");
    expect(other.PodiumError).not.toBe(PodiumError);
    const error = new other.PodiumError("conflict", "Someone renamed it first.");
    expect(error instanceof PodiumError).toBe(false);
    expect(isPodiumError(error)).toBe(true);
    expect(await answer(error)).toMatchObject({ status: 409, body: { error: { code: "conflict", message: "Someone renamed it first." } } });
  });

  it("gives every service error the status of its code, and Retry-After where it has one", async () => {
    const cases: [unknown, number, string][] = [
      [new AuthenticationError("Bad token."), 401, "unauthorized"],
      [new AccessError("not_found", "No deck."), 404, "not_found"],
      [new AccountError("email_taken", "Taken."), 409, "conflict"],
      [new AccountError("self_change", "Not yourself."), 400, "bad_request"],
      [new AccountError("not_found", "No user."), 404, "not_found"],
      [new ApiTokenError("Bad name."), 400, "bad_request"],
      [new InvitationError("invalid", "Used up."), 409, "conflict"],
      [new InvitationError("not_found", "No invitation."), 404, "not_found"],
      [new LibraryError("conflict", "Changed."), 409, "conflict"],
      [new RenameError("Empty title."), 400, "bad_request"],
      [new RevisionNotFoundError("No revision."), 404, "not_found"],
      [new ArchiveVerificationError("Checksum."), 400, "bad_request"],
      [new ImportLimitError("IMPORT_MAX_FILES", 10, "files"), 413, "payload_too_large"],
      [new MediaRejectedError("Not an image.", "unsupported_media_type"), 415, "unsupported_media_type"],
      [new DeckTooLargeError(10), 413, "payload_too_large"],
      [new ApiError("forbidden", "No."), 403, "forbidden"],
    ];
    for (const [error, status, code] of cases) {
      const { status: got, body } = await answer(error);
      expect({ error: String(error), status: got, code: (body as { error: { code: string } }).error.code }).toEqual({ error: String(error), status, code });
    }
    const throttled = await answer(new ImportThrottledError("Wait.", 42));
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("42");
    const limited = await answer(new RateLimitedError({ retryAfterSeconds: 7, message: "Too many decks." }));
    expect(limited).toMatchObject({ status: 429, body: { error: { code: "too_many_requests", message: "Too many decks." } } });
    expect(limited.headers.get("retry-after")).toBe("7");
  });

  it("answers anything else with a logged 500 that tells nothing, even an error that only looks like ours by name", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const lookalike = Object.assign(new Error("secret detail"), { name: "LibraryError", code: "not_found" });
    for (const error of [new Error("secret detail"), lookalike, "a string"]) {
      expect(await answer(error)).toMatchObject({ status: 500, body: { error: { code: "internal", message: "Something went wrong on the server." } } });
    }
    expect(logged).toHaveBeenCalledTimes(3);
    logged.mockRestore();
  });

  it("answers a code with its status and the contract's body, with Retry-After when given", async () => {
    const response = errorResponse("payload_too_large", "Too big.");
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: "payload_too_large", message: "Too big." } });
    expect(errorResponse("too_many_requests", "Later.", { retryAfterSeconds: 3 }).headers.get("retry-after")).toBe("3");
  });

  it("has one status per code", () => {
    expect(new PodiumError("unavailable", "x").status).toBe(ERROR_STATUS.unavailable);
    expect(new Set(Object.values(ERROR_STATUS)).size).toBe(Object.keys(ERROR_STATUS).length);
  });
});
