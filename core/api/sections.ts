// The REST contract of sections and the end-of-call lock, shared by the route handlers
// (app/api/sections/**, app/api/decks/[id]/lock) and the UI (components/sections).
import type { SectionStatus } from "../sections/deck-sections";

/** GET/POST/DELETE /api/decks/<id>/lock: whether the deck is locked after its call, since when, by whom. */
export interface DeckLockState {
  locked: boolean;
  lockedAt: string | null;
  /** null when the series' time lock locked it (or the account is gone). */
  lockedBy: { id: string; name: string } | null;
}

/** One of my sections in GET /api/sections/mine. */
export interface MySection {
  deckId: string;
  deckTitle: string;
  deckUrl: string;
  /** "2024-07-18"; null for a deck that is no call of a series. */
  callDate: string | null;
  seriesName: string | null;
  locked: boolean;
  index: number;
  title: string;
  status: SectionStatus;
  continued: boolean;
}

/** GET /api/sections/mine: the signed-in person's sections in upcoming calls (today included), soonest first; then in decks without a call date. */
export interface MySectionsResponse {
  upcoming: MySection[];
  undated: MySection[];
}

/** Someone a section can be assigned to. Names only: addresses stay private. */
export interface SectionPerson {
  id: string;
  name: string;
}

/** GET /api/sections/people?deck=<id>: who can be assigned a section of that deck. */
export interface SectionPeopleResponse {
  people: SectionPerson[];
}
