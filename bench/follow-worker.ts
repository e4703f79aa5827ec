// A process of the follow benchmark (bench/follow-latency.ts) holding many read-only followers:
// real y-websocket providers with a viewer presence, as a browser tab has. It records when each
// follower learned of each slide and of each live edit (clock: performance.timeOrigin + now, the
// same across processes on one machine) and sends them to the parent when asked.
import { connectClient, waitForSync, type TestClient } from "../test/support/yjs-client";
import { ADAPTERS } from "./follow-adapters";

interface Start {
  type: "start";
  baseUrl: string;
  deckId: string;
  count: number;
  first: number;
  adapter: string;
}

// y-websocket adds a process "exit" listener per provider.
process.setMaxListeners(0);
const now = () => performance.timeOrigin + performance.now();
const followers: TestClient[] = [];
/** slide index -> arrival times (one per follower that saw it). */
const slides = new Map<number, number[]>();
/** edit number -> arrival times. */
const edits = new Map<number, number[]>();
const EDIT_MARK = /⟦(\d+)⟧/g;

function record(into: Map<number, number[]>, key: number, at: number): void {
  let times = into.get(key);
  if (!times) into.set(key, (times = []));
  times.push(at);
}

async function start(message: Start): Promise<void> {
  const adapter = ADAPTERS[message.adapter]!;
  for (let index = 0; index < message.count; index++) {
    const follower = connectClient(message.baseUrl, message.deckId);
    follower.provider.awareness.setLocalStateField("user", { name: `Follower ${message.first + index}`, color: "#7b3fc4", colorLight: "#7b3fc433" });
    let last = -1;
    adapter.watchSlides(follower, (slide) => {
      if (slide === last) return;
      last = slide;
      record(slides, slide, now());
    });
    follower.text.observe((event) => {
      const at = now();
      for (const change of event.delta) {
        if (typeof change.insert !== "string") continue;
        for (const match of change.insert.matchAll(EDIT_MARK)) record(edits, Number(match[1]), at);
      }
    });
    followers.push(follower);
    // Connect in small groups, as an audience arrives, not all in one burst.
    if (index % 25 === 24) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await Promise.all(followers.map((follower) => waitForSync(follower, 120_000)));
  process.send!({ type: "ready" });
}

process.on("message", (message: Start | { type: "report" } | { type: "stop" }) => {
  if (message.type === "start") {
    start(message).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  } else if (message.type === "report") {
    process.send!({ type: "samples", slides: [...slides], edits: [...edits] });
  } else {
    for (const follower of followers) follower.destroy();
    process.exit(0);
  }
});
