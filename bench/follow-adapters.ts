// How the presenter's slide reaches followers, as two small functions the follow benchmark calls:
// "the presenter changes slide" and "a follower sees it". The slideshow uses the presenter channel
// (message type 101, server/sync/presenter-channel.ts), through the browser's own client
// (components/slideshow/presenter-client.ts); the presenter's awareness state, which carried the
// slide before, is kept for comparison (BENCH_FOLLOW_ADAPTER=awareness).
import { PresenterClient } from "../components/slideshow/presenter-client";
import type { TestClient } from "../test/support/yjs-client";

export interface FollowAdapter {
  name: string;
  /** The presenter moves to slide `index` (horizontal). */
  changeSlide(presenter: TestClient, index: number): void;
  /** Calls `onSlide` with the presenter's slide each time a follower learns of a new one; returns a stop function. */
  watchSlides(follower: TestClient, onSlide: (index: number) => void): () => void;
}

export const awarenessAdapter: FollowAdapter = {
  name: "presenter in awareness (the slideshow before the presenter channel)",
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

const presenting = new WeakMap<TestClient, PresenterClient>();

export const channelAdapter: FollowAdapter = {
  name: "presenter channel (presenter-channel.ts)",
  changeSlide(presenter, index) {
    let client = presenting.get(presenter);
    if (!client) {
      client = new PresenterClient(presenter.provider, "slideshow", () => undefined);
      presenting.set(presenter, client);
      client.present({ h: index, v: 0 });
      return;
    }
    client.move({ h: index, v: 0 });
  },
  watchSlides(follower, onSlide) {
    let last: number | null = null;
    const client = new PresenterClient(follower.provider, "slideshow", (view) => {
      const h = view.state?.position?.h;
      if (typeof h === "number" && h !== last) {
        last = h;
        onSlide(h);
      }
    });
    return () => client.destroy();
  },
};

export const ADAPTERS: Record<string, FollowAdapter> = { channel: channelAdapter, awareness: awarenessAdapter };
