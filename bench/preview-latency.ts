// `npm run bench:preview`: keystroke → editor painted and keystroke → live preview updated, in
// real Chromium, on decks of ordinary slides of 20 KB, 200 KB and 2,000,000 characters (the deck
// limit; BENCH_SIZES=20000,200000 picks others). Starts the built app (embedded PostgreSQL in a
// temporary folder), opens the editor beside the preview, types into the last slide and into one
// in the middle (reached through the outline), and measures from the keydown event
// - to the first frame painted after the editor's document has the character (a message posted
//   from the requestAnimationFrame of that frame is handled right after its paint), and
// - to the sandboxed frame's report that its DOM holds the change and reveal.js has synced and
//   laid out the slide (FRAME_RENDERED_EVENT).
// Then the same typing with the preview closed (the "Editor" layout): what the preview costs the editor.
// Floors, with the same clocks: a bare <textarea>, and the editor's CodeMirror setup alone
// (bench/editor-alone.entry.ts, no Yjs, no preview) on each deck. BENCH_UNCAPPED=1 runs Chromium
// without the 60 Hz frame clock (frames as fast as it can make them), to see the wait for the next
// frame apart from the work; BENCH_TRACE=1 and BENCH_CPU_PROFILE=1 record where the time goes.
// Prints a markdown table for docs/benchmarks.md, with the load average (the numbers of a machine
// others are using are marked "under load"), and writes bench/results/preview-latency.json.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { build } from "esbuild";
import { FRAME_RENDERED_EVENT } from "../components/preview/deck-frame-host";
import { DEFAULT_MAX_DECK_CHARS } from "../core/limits";
import { findFreePort } from "../server/free-port";
import { ordinaryDeck } from "../core/render/fixtures/ordinary-deck";

const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 100);
/** The largest deck leaves room for the characters typed into it. */
const SIZES = (process.env.BENCH_SIZES ?? `20000,200000,${DEFAULT_MAX_DECK_CHARS}`).split(",").map((size) => Math.min(Number(size), DEFAULT_MAX_DECK_CHARS - 2 * KEYSTROKES));
/**
 * A deck with a real editing history: the 200 KB deck after this many single-character edits at
 * scattered places (BENCH_HISTORY_EDITS; 0 leaves it out), as several people revising it for
 * weeks leave it. Yjs keeps each edit's item, so its text is some 100,000 items, not a few.
 */
const HISTORY_EDITS = Number(process.env.BENCH_HISTORY_EDITS ?? 60_000);
const HISTORY_DECK_CHARS = 200_000;
/** BENCH_UNCAPPED=1: Chromium's flags for frames without the display's clock. */
const UNCAPPED_FRAMES = ["--disable-frame-rate-limit", "--disable-gpu-vsync"];
/** BENCH_TRACE=1: what Chromium's timeline records (every process's tasks, for the Performance panel). */
const TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink", "cc", "toplevel", "input", "benchmark", "disabled-by-default-v8.gc"];

/** Goals, p95: the editor paints within a frame at any size; the preview within a frame up to 200 KB, 50 ms beyond. */
const EDITOR_TARGET_MS = 16;
const previewTarget = (chars: number) => (chars <= 200_000 ? 16 : 50);


function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const floorStats = (samples: Samples) => ({ keystrokes: samples.painted.length, handled: stats(samples.handled), painted: stats(samples.painted) });

function stats(values: number[]): { p50: number; p95: number; max: number } {
  const samples = [...values].sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples[samples.length - 1]! };
}

interface Samples {
  /** Keystroke → the keystroke's own task done (CodeMirror, Yjs, a same-task render): the editor may paint. */
  handled: number[];
  /** Keystroke → the first frame painted with the character in the editor's document. */
  painted: number[];
  /** Keystroke → the frame's DOM holds the change (reveal.js synced and laid out). */
  applied: number[];
  /** Keystroke → the editor page heard back from the frame (one more message hop). */
  notified: number[];
}

/** Types one character at a time, each after the preview (if the page has one) showed the previous one. */
async function typeAndMeasure(page: Page, keystrokes: number, withPreview = true): Promise<Samples> {
  await page.evaluate(({ eventName, withPreview }) => {
    const state = window as unknown as {
      bench: Samples;
      benchKeyAt: number | null;
      benchListening?: boolean;
      podiumSession: { text: { length: number } };
    };
    state.bench = { handled: [], painted: [], applied: [], notified: [] };
    state.benchKeyAt = null;
    if (state.benchListening) return;
    state.benchListening = true;
    // Epoch milliseconds on the performance clock, comparable with the frame's appliedAt.
    document.addEventListener(
      "keydown",
      (event) => {
        const keyAt = performance.timeOrigin + event.timeStamp;
        state.benchKeyAt = keyAt;
        const lengthBefore = state.podiumSession.text.length;
        // Handled after the task that dispatches this keydown and the input it makes.
        const handled = new MessageChannel();
        handled.port1.onmessage = () => {
          handled.port1.close();
          state.bench.handled.push(performance.timeOrigin + performance.now() - keyAt);
        };
        handled.port2.postMessage(null);
        // The frame whose requestAnimationFrame sees the character in the document paints it;
        // a message posted from there is handled after that paint.
        const afterFrame = () => {
          if (state.podiumSession.text.length === lengthBefore) {
            requestAnimationFrame(afterFrame);
            return;
          }
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            channel.port1.close();
            state.bench.painted.push(performance.timeOrigin + performance.now() - keyAt);
          };
          channel.port2.postMessage(null);
        };
        requestAnimationFrame(afterFrame);
      },
      { capture: true },
    );
    if (!withPreview) return;
    document.querySelector('[data-testid="deck-frame-preview"]')!.addEventListener(eventName, (event) => {
      if (state.benchKeyAt === null) return;
      const { appliedAt } = (event as CustomEvent<{ appliedAt: number }>).detail;
      state.bench.applied.push(appliedAt - state.benchKeyAt);
      state.bench.notified.push(performance.timeOrigin + performance.now() - state.benchKeyAt);
      state.benchKeyAt = null;
    });
  }, { eventName: FRAME_RENDERED_EVENT, withPreview });
  // Letters only: a trailing space renders the same HTML, so the frame has nothing to update.
  const letters = "abcdefghijklmnopqrstuvwxyz";
  for (let n = 0; n < keystrokes; n++) {
    await page.keyboard.press(letters[n % letters.length]!);
    await page
      .waitForFunction(
        ({ count, withPreview }) => {
          const { bench } = window as unknown as { bench: Samples };
          return (!withPreview || bench.applied.length > count) && bench.painted.length > count;
        },
        { count: n, withPreview },
      )
      .catch(async (error: unknown) => {
        const counts = await page.evaluate(() => {
          const { bench } = window as unknown as { bench: Samples };
          return `${bench.painted.length} painted, ${bench.applied.length} applied`;
        });
        throw new Error(`keystroke ${n + 1} did not show (${counts}): ${String(error)}`);
      });
    await page.waitForTimeout(30);
  }
  return page.evaluate(() => (window as unknown as { bench: Samples }).bench);
}

/**
 * Makes the deck's history in the page: letters typed at pseudo-random places, in
 * transactions of a thousand edits, until the server has stored them all. The page is then
 * reloaded, and opens the deck as anyone would.
 */
async function editHistory(page: Page, edits: number): Promise<void> {
  await page.evaluate(async (edits) => {
    const { text, doc, saves } = (window as unknown as { podiumSession: { text: import("yjs").Text; doc: import("yjs").Doc; saves: { unsaved: number } } }).podiumSession;
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    // Letters only, inside words of the bullet lines, so every slide keeps its separators and title.
    const letters = "abcdefghij";
    for (let done = 0; done < edits; ) {
      const snapshot = text.toString();
      const places: number[] = [];
      while (places.length < 1000 && done + places.length < edits) {
        const at = 1 + Math.floor(random() * (snapshot.length - 2));
        const lineStart = snapshot.lastIndexOf("\n", at - 1) + 1;
        if (snapshot.startsWith("- ", lineStart) && /[a-z]/.test(snapshot[at - 1]!) && /[a-z]/.test(snapshot[at]!)) places.push(at);
      }
      // From the end backwards, so each place is still where the snapshot has it.
      places.sort((a, b) => b - a);
      doc.transact(() => {
        for (const at of places) text.insert(at, letters[done++ % letters.length]!);
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    while (saves.unsaved > 0) await new Promise((resolve) => setTimeout(resolve, 200));
  }, edits);
}

/**
 * The harness's own floor: the same clocks on a bare <textarea> in the same browser. "Painted"
 * includes the wait for the display's next frame (up to 16.7 ms at 60 Hz), so its p95 is above
 * 16 ms whatever the page does.
 */
async function measureFloor(page: Page, keystrokes: number): Promise<Samples> {
  await page.setContent(`<textarea aria-label="floor" style="width: 600px; height: 300px"></textarea>`);
  await page.evaluate(() => {
    const area = document.querySelector("textarea")!;
    (window as unknown as { podiumSession: unknown }).podiumSession = { text: { get length() { return area.value.length; } } };
  });
  await page.locator("textarea").click();
  return typeAndMeasure(page, keystrokes, false);
}

/** The editor's CodeMirror setup alone (bench/editor-alone.entry.ts), typed into at the end of `markdown`. */
async function measureEditorAlone(page: Page, bundle: string, markdown: string, keystrokes: number): Promise<Samples> {
  await page.setContent(`<!doctype html><html><body style="margin: 0"><div id="host" style="width: 780px; height: 860px"></div></body></html>`);
  await page.addScriptTag({ content: bundle });
  await page.evaluate((doc) => (window as unknown as { startEditor: (doc: string) => void }).startEditor(doc), markdown);
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await waitForFullParse(page);
  await page.waitForTimeout(500);
  return typeAndMeasure(page, keystrokes, false);
}

/** CodeMirror's debugging view of the syntax tree (`state.tree`) covers the whole document. */
async function waitForFullParse(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const content = document.querySelector(".cm-content") as unknown as { cmTile?: { root?: { view?: { state: { tree: { length: number }; doc: { length: number } } } } } };
      const state = content?.cmTile?.root?.view?.state;
      return state !== undefined && state.tree.length >= state.doc.length;
    },
    undefined,
    { timeout: 180_000, polling: 100 },
  );
}

async function main(): Promise<void> {
  const port = await findFreePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "podium-bench-preview-"));
  const server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const healthy = await fetch(`${base}/api/health`).then((response) => response.ok, () => false);
      if (healthy) break;
      if (Date.now() > deadline) throw new Error("the server did not start within 120 s");
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
      args: ["--no-sandbox", "--disable-gpu", ...(process.env.BENCH_UNCAPPED ? UNCAPPED_FRAMES : [])],
    });
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, baseURL: base });
    // tsx names the functions inside page.evaluate with its __name helper, which pages lack.
    await context.addInitScript("window.__name = (fn) => fn;");
    const headers = { origin: base };
    const signUp = await context.request.post("/api/auth/sign-up/email", { data: { email: `bench-${Date.now()}@podium.test`, password: "correct horse battery", name: "Bench" }, headers });
    if (!signUp.ok()) throw new Error(`sign-up failed: ${signUp.status()} ${await signUp.text()}`);

    const loadBefore = os.loadavg();
    const floorPage = await context.newPage();
    const floorSamples = await measureFloor(floorPage, KEYSTROKES);
    const editorBundle = await build({
      entryPoints: [path.join(import.meta.dirname, "editor-alone.entry.ts")],
      bundle: true,
      write: false,
      format: "iife",
      minify: true,
      define: { "process.env.NODE_ENV": '"production"' },
      logLevel: "warning",
    });
    const editorAlone: Record<number, ReturnType<typeof floorStats>> = {};
    await floorPage.close();
    for (const size of SIZES) {
      const alonePage = await context.newPage();
      if (process.env.BENCH_TRACE) {
        await mkdir("bench/results", { recursive: true });
        await browser.startTracing(alonePage, { path: `bench/results/editor-alone-${size}.trace.json`, categories: TRACE_CATEGORIES });
      }
      editorAlone[size] = floorStats(await measureEditorAlone(alonePage, editorBundle.outputFiles[0]!.text, ordinaryDeck(size).markdown, KEYSTROKES));
      if (process.env.BENCH_TRACE) await browser.stopTracing();
      await alonePage.close();
    }
    const results = [];
    const decks = [...SIZES.map((size) => ({ size, historyEdits: 0 })), ...(HISTORY_EDITS > 0 ? [{ size: HISTORY_DECK_CHARS, historyEdits: HISTORY_EDITS }] : [])];
    for (const { size, historyEdits } of decks) {
      const { markdown, slides } = ordinaryDeck(size);
      const name = historyEdits ? `${size}-history` : String(size);
      const created = await context.request.post("/api/decks", { data: { markdown }, headers, timeout: 120_000 });
      if (created.status() !== 201) throw new Error(`creating the deck failed: ${created.status()} ${await created.text()}`);
      const { id } = (await created.json()) as { id: string };

      const page = await context.newPage();
      page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error") console.error(`page console: ${message.text()}`);
      });
      const frame = page.frameLocator('[data-testid="deck-frame-preview"]');
      if (historyEdits) {
        await page.goto(`/d/${id}`);
        await frame.locator(".slides section.present h1").first().waitFor({ timeout: 180_000 });
        await editHistory(page, historyEdits);
      }
      const opening = Date.now();
      await page.goto(`/d/${id}`);
      await frame.locator(".slides section.present h1").first().waitFor({ timeout: 180_000 });
      const openMs = Date.now() - opening;
      const sections = await frame.locator(".slides > section").count();

      // The last slide, then one in the middle.
      await page.locator(".cm-content").click();
      await page.keyboard.press("Control+End");
      await page.keyboard.press("Enter");
      // Typing is measured once the editor has parsed the whole deck (in idle time after
      // opening): that time is reported apart.
      await waitForFullParse(page);
      const parsedMs = Date.now() - opening;
      await page.waitForTimeout(500);
      // BENCH_CPU_PROFILE=1: a Chromium CPU profile of the typing at the end, to open in DevTools.
      const profiler = process.env.BENCH_CPU_PROFILE ? await page.context().newCDPSession(page) : null;
      if (profiler) {
        await profiler.send("Profiler.enable");
        await profiler.send("Profiler.start");
      }
      // BENCH_TRACE=1: Chromium's timeline of the same typing (every process's tasks), for the Performance panel.
      if (process.env.BENCH_TRACE) {
        await mkdir("bench/results", { recursive: true });
        await browser.startTracing(page, { path: `bench/results/preview-${name}.trace.json`, categories: TRACE_CATEGORIES });
      }
      const atEnd = await typeAndMeasure(page, Math.ceil(KEYSTROKES / 2));
      if (process.env.BENCH_TRACE) await browser.stopTracing();
      if (profiler) {
        const { profile } = await profiler.send("Profiler.stop");
        await mkdir("bench/results", { recursive: true });
        await writeFile(`bench/results/preview-${name}.cpuprofile`, JSON.stringify(profile));
      }
      // The outline jumps the cursor to a slide's first line, as a team lead would.
      const outlineSlides = page.getByTestId("outline-slide");
      await outlineSlides.nth(Math.floor((await outlineSlides.count()) / 2)).click();
      await page.keyboard.press("End");
      await page.waitForTimeout(500);
      const inMiddle = await typeAndMeasure(page, Math.floor(KEYSTROKES / 2));
      const shown = await frame.locator(".slides section.present:not(.stack) h1").first().textContent();
      // The same typing with the preview closed (the "Editor" layout unmounts it): the editor
      // waits for the preview only if this is quicker than the above.
      await page.getByRole("radio", { name: "Editor" }).click();
      await page.locator('[data-testid="deck-frame-preview"]').waitFor({ state: "detached" });
      await page.locator(".cm-content").focus();
      await page.waitForTimeout(500);
      const withoutPreview = await typeAndMeasure(page, Math.floor(KEYSTROKES / 2), false);
      // The layout is remembered in this browser: the next deck opens with its preview again.
      await page.getByRole("radio", { name: "Both" }).click();
      await page.close();

      const result = {
        chars: markdown.length + historyEdits,
        historyEdits,
        slides,
        sectionsInFrame: sections,
        openMs,
        parsedMs,
        keystrokes: atEnd.applied.length + inMiddle.applied.length,
        handled: stats([...atEnd.handled, ...inMiddle.handled]),
        painted: stats([...atEnd.painted, ...inMiddle.painted]),
        applied: stats([...atEnd.applied, ...inMiddle.applied]),
        notified: stats([...atEnd.notified, ...inMiddle.notified]),
        paintedWithoutPreview: stats(withoutPreview.painted),
        middleSlideShown: shown,
        previewTarget: previewTarget(size),
      };
      console.error(`${name}: ${JSON.stringify(result)}`);
      results.push(result);
    }
    await browser.close();

    const loadAfter = os.loadavg();
    const cores = os.cpus().length;
    const underLoad = Math.max(loadBefore[0]!, loadAfter[0]!) > cores / 2;
    const report = {
      date: new Date().toISOString(),
      machine: `${cores} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      loadAverage: { before: loadBefore.map((load) => Number(load.toFixed(2))), after: loadAfter.map((load) => Number(load.toFixed(2))) },
      underLoad,
      editorTarget: EDITOR_TARGET_MS,
      floor: floorStats(floorSamples),
      editorAlone,
      results,
    };
    await mkdir("bench/results", { recursive: true });
    await writeFile("bench/results/preview-latency.json", JSON.stringify(report, null, 2));
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const mark = (value: number, target: number) => `${ms(value)} ${value < target ? "✓" : "✗"}`;
    const kb = (chars: number) => (chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(2)} M chars` : `${Math.round(chars / 1000)} K chars`);
    const deckLabel = (result: { chars: number; historyEdits: number }) => (result.historyEdits ? `${kb(result.chars)}, ${result.historyEdits.toLocaleString("en")} edits of history` : kb(result.chars));
    console.log(`Machine: ${report.machine}; load average ${report.loadAverage.before.join(" ")} before, ${report.loadAverage.after.join(" ")} after${underLoad ? " — **under load**" : ""}\n`);
    console.log("| deck | slides (sections) | open | parsed | keystroke handled p50 / p95 | editor painted p50 | p95 (< 16 ms) | painted, preview closed, p50 / p95 | preview updated p50 | p95 (target) | page told p95 |");
    console.log("|---|---|---|---|---|---|---|---|---|---|---|");
    for (const result of results) {
      console.log(
        `| ${deckLabel(result)} | ${result.slides} (${result.sectionsInFrame}) | ${(result.openMs / 1000).toFixed(1)} s | ${(result.parsedMs / 1000).toFixed(1)} s | ${ms(result.handled.p50)} / ${ms(result.handled.p95)} | ${ms(result.painted.p50)} | ${mark(result.painted.p95, EDITOR_TARGET_MS)} | ${ms(result.paintedWithoutPreview.p50)} / ${ms(result.paintedWithoutPreview.p95)} | ${ms(result.applied.p50)} | ${mark(result.applied.p95, result.previewTarget)} (< ${result.previewTarget} ms) | ${ms(result.notified.p95)} |`,
      );
    }
    const floorRow = (label: string, floor: ReturnType<typeof floorStats>) =>
      console.log(`| ${label} | – | – | – | ${ms(floor.handled.p50)} / ${ms(floor.handled.p95)} | ${ms(floor.painted.p50)} | ${ms(floor.painted.p95)} | – | – | – | – |`);
    floorRow("bare `<textarea>`", report.floor);
    for (const size of SIZES) floorRow(`CodeMirror alone, ${kb(ordinaryDeck(size).markdown.length)}`, report.editorAlone[size]!);
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
