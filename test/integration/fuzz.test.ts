// Hostile input: thousands of random and mutated y-protocol frames (truncated varints, huge length
// prefixes, wrong message types, mutated and garbage updates, odd awareness) at one room of the
// real server. The server stays up, another room and its clients are untouched, and the stored
// document stays readable. bench/fuzz-frames.ts fires the full 100,000 and records the result.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PodiumServer } from "../../server/podium";
import { createTestDatabase } from "../support/database";
import { insertGuestDeck, storedText } from "../support/deck-fixtures";
import { fireHostileFrames } from "../support/hostile-frames";
import { startTestPodium } from "../support/podium";
import { connectClient, eventually, waitForSync, type TestClient } from "../support/yjs-client";

const FRAMES = Number(process.env.FUZZ_FRAMES ?? 5_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_121);

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let podium: PodiumServer;

beforeAll(async () => {
  database = await createTestDatabase();
  // No rate limit: the fuzzer sends as fast as the server answers.
  podium = await startTestPodium(database.url, { WS_MESSAGES_PER_SECOND: "0" });
});

afterAll(async () => {
  await podium?.stop();
  await database.drop();
});

describe("hostile frames", () => {
  it(`${FRAMES} frames (seed ${SEED}) leave the server up, other rooms untouched and the stored deck readable`, async () => {
    const target = await insertGuestDeck(database.url, "the target room\n");
    const bystanderDeck = await insertGuestDeck(database.url, "a quiet room\n");
    const clients: TestClient[] = [connectClient(podium.url, target), connectClient(podium.url, bystanderDeck), connectClient(podium.url, bystanderDeck)];
    try {
      await Promise.all(clients.map((client) => waitForSync(client)));
      const [honest, alice, bob] = clients as [TestClient, TestClient, TestClient];

      // The bystanders type throughout the attack.
      let typed = "";
      const typing = setInterval(() => {
        const token = `(${typed.length})`;
        typed += token;
        alice.text.insert(alice.text.length, token);
      }, 20);
      let result: Awaited<ReturnType<typeof fireHostileFrames>>;
      try {
        result = await fireHostileFrames(`${podium.url.replace("http", "ws")}/ws`, target, { count: FRAMES, seed: SEED, concurrency: 8 });
      } finally {
        clearInterval(typing);
      }
      console.log(
        `fuzz: ${result.frames} frames, ${result.survived} left the connection open, closes by code: ${JSON.stringify(Object.fromEntries(result.closes))}`,
      );
      expect(result.frames).toBe(FRAMES);
      // Both kinds happened: frames the server rejected, and frames it accepted or ignored.
      expect(result.survived).toBeGreaterThan(0);
      expect([...result.closes.values()].reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);
      // Only protocol close codes: nothing was an internal error.
      for (const code of result.closes.keys()) expect([1003, 1008, 1009, 4422]).toContain(code);

      // The other room: every keystroke arrived, in both copies and in PostgreSQL.
      const bystanderText = `a quiet room\n${typed}`;
      await eventually(() => expect(bob.text.toString()).toBe(bystanderText));
      expect(alice.text.toString()).toBe(bystanderText);
      await eventually(async () => expect(await storedText(database.url, bystanderDeck)).toBe(bystanderText));

      // The target room still serves, and what is stored reads back as what is live.
      honest.text.insert(0, "still here: ");
      const live = () => podium.rooms.peek(target)!.text.toString();
      await eventually(() => expect(live()).toContain("still here: "));
      await eventually(() => expect(honest.text.toString()).toBe(live()));
      await podium.updateLog.flush();
      expect(await storedText(database.url, target)).toBe(live());
      const late = connectClient(podium.url, target);
      clients.push(late);
      await waitForSync(late);
      expect(late.text.toString()).toBe(live());
    } finally {
      for (const client of clients) client.destroy();
    }
  });
});
