// The end-of-call lock (server/sections/deck-locks.ts): GET for anyone who may read the deck;
// POST ("End call") and DELETE (unlock for a fix) for its owner and the admins.
import type { DeckLockState } from "@/core/api/sections";
import { requireDeckRole, type UserActor } from "@/server/access/request-guard";
import type { Actor } from "@/server/access/actor";
import { ApiError, deckIdParam, handleApi } from "@/server/http/api-response";
import { DeckLocks } from "@/server/sections/deck-locks";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

const reply = (state: DeckLockState) => Response.json(state, { headers: { "cache-control": "no-store" } });

function deckLocks(): DeckLocks {
  const { prisma, revisions, access } = getServices();
  return new DeckLocks(prisma, revisions, access);
}

function person(actor: Actor): UserActor["user"] {
  if (actor.kind !== "user") throw new ApiError("unauthorized", "Sign in (or send an API token) first.");
  return actor.user;
}

export function GET(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const id = deckIdParam((await context.params).id);
    await requireDeckRole(request, id, "read");
    return reply(await deckLocks().state(id));
  });
}

/** "End call": the deck becomes read-only for all but its owner and the admins. */
export function POST(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const id = deckIdParam((await context.params).id);
    const { actor } = await requireDeckRole(request, id, "owner");
    return reply(await deckLocks().lock(id, person(actor)));
  });
}

/** Unlocks the deck (for a typo fix); recorded in its history. */
export function DELETE(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const id = deckIdParam((await context.params).id);
    const { actor } = await requireDeckRole(request, id, "owner");
    return reply(await deckLocks().unlock(id, person(actor)));
  });
}
