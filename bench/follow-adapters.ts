// How the presenter's slide reaches followers, as two small functions the follow benchmark calls:
// "the presenter changes slide" and "a follower sees it". Today the slide travels in the
// presenter's awareness state (`presenter`, components/slideshow/presenter-state.ts); a presenter
// channel of its own (a separate message type fanned out by the room) plugs in here instead.
import type { TestClient } from "../test/support/yjs-client";

export interface FollowAdapter {
  name: string;
  /** The presenter moves to slide `index` (horizontal). */
  changeSlide(presenter: TestClient, index: number): void;
  /** Calls `onSlide` with the presenter's slide each time a follower learns of a new one; returns a stop function. */
  watchSlides(follower: TestClient, onSlide: (index: number) => void): () => void;
}

export const awarenessAdapter: FollowAdapter = {
  name: "presenter in awareness (presenter-state.ts)",
  changeSlide(presenter, index) {
    presenter.provider.awareness.setLocalStateField("presenter", { h: index, v: 0, name: "Presenter", broadcasting: true });
  },
  watchSlides(follower, onSlide) {
    const awareness = follower.provider.awareness;
    const onChange = ({ added, updated }: { added: number[]; updated: number[] }) => {
      for (const clientId of added.concat(updated)) {
        if (clientId === awareness.clientID) continue;
        const presenter = awareness.getStates().get(clientId)?.presenter as { h?: unknown; broadcasting?: unknown } | undefined;
        if (presenter?.broadcasting === true && typeof presenter.h === "number") onSlide(presenter.h);
      }
    };
    awareness.on("change", onChange);
    return () => awareness.off("change", onChange);
  },
};

export const ADAPTERS: Record<string, FollowAdapter> = { awareness: awarenessAdapter };
