// Follow the presenter: a presenter who broadcasts publishes their slide in their awareness state
// on the deck's WebSocket (`presenter`); followers watch for it. The server drops this field from
// connections that may not edit the deck (server/sync/awareness-filter.ts).
import type { Awareness } from "y-protocols/awareness";
import { parseSlideIndices, type SlideIndices } from "@/core/deck-frame-protocol";

export interface PresenterState {
  position: SlideIndices;
  name: string;
}

export const PRESENTER_FIELD = "presenter";

export function publishPresenter(awareness: Awareness, state: PresenterState | null): void {
  awareness.setLocalStateField(PRESENTER_FIELD, state ? { ...state.position, name: state.name, broadcasting: true } : null);
}

/** The broadcasting presenter (the earliest to join when several broadcast), not counting me. */
export function findPresenter(awareness: Awareness): PresenterState | null {
  let found: { clientId: number; state: PresenterState } | null = null;
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const presenter = (state as Record<string, unknown>)[PRESENTER_FIELD] as Record<string, unknown> | null | undefined;
    if (!presenter || presenter.broadcasting !== true) continue;
    const position = parseSlideIndices(presenter);
    if (!position) continue;
    const name = typeof presenter.name === "string" && presenter.name.trim() ? presenter.name.slice(0, 80) : "the presenter";
    if (!found || clientId < found.clientId) found = { clientId, state: { position, name } };
  }
  return found?.state ?? null;
}
