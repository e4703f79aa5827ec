// `npm run bench:fuzz`: the full 100,000 hostile frames (test/support/hostile-frames.ts) at one
// room of a Podium in its own process, while a client in another room types; then checks that the
// server is up, the other room got every keystroke, and both stored documents read back.
import { insertGuestDeck, storedText } from "../test/support/deck-fixtures";
import { fireHostileFrames } from "../test/support/hostile-frames";
import { connectClient, eventually, waitForSync } from "../test/support/yjs-client";
import { createBenchDatabase } from "./bench-database";
import { startServerProcess } from "../test/support/server-process";
import { describeMachine } from "./machine";

const FRAMES = Number(process.env.FUZZ_FRAMES ?? 100_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_121);

async function main(): Promise<void> {
  const database = await createBenchDatabase();
  const server = await startServerProcess({ DATABASE_URL: database.url, PORT: "0", WS_MESSAGES_PER_SECOND: "0", MAX_CONNECTIONS_PER_IP: "0" });
  try {
    const target = await insertGuestDeck(database.url, "target\n");
    const quiet = await insertGuestDeck(database.url, "quiet\n");
    const typist = connectClient(server.url, quiet);
    const reader = connectClient(server.url, quiet);
    await Promise.all([waitForSync(typist), waitForSync(reader)]);
    let typed = "";
    const typing = setInterval(() => {
      const token = `(${typed.length})`;
      typed += token;
      typist.text.insert(typist.text.length, token);
    }, 50);
    const started = performance.now();
    const result = await fireHostileFrames(`${server.url.replace("http", "ws")}/ws`, target, { count: FRAMES, seed: SEED, concurrency: 16 });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(typing);
    await eventually(() => {
      if (reader.text.toString() !== `quiet\n${typed}`) throw new Error("the quiet room lost keystrokes");
    });
    await eventually(async () => {
      if ((await storedText(database.url, quiet)) !== `quiet\n${typed}`) throw new Error("the quiet room's stored text differs");
    });
    const targetText = await storedText(database.url, target);
    typist.destroy();
    reader.destroy();
    console.log(`Machine: ${describeMachine()}; ${database.description}.`);
    console.log(
      `${result.frames} hostile frames (seed ${SEED}) in ${seconds.toFixed(1)} s: ${result.survived} left the connection open, ` +
        `closes by code ${JSON.stringify(Object.fromEntries(result.closes))}; server up; the quiet room got all ${typed.length} ` +
        `characters typed meanwhile; the target room's stored document reads back (${targetText.length} characters).`,
    );
  } finally {
    await server.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
