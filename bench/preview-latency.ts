// `npm run bench:preview`: keystroke → live preview updated, in real Chromium, on a 100-slide deck.
// Starts the built app (embedded PostgreSQL in a temporary folder), opens the editor beside the
// preview, types into the last slide and into one in the middle (reached through the outline), and measures from the keydown event to
// the sandboxed frame's report that its DOM holds the change and reveal.js has synced and laid
// out the slide (FRAME_RENDERED_EVENT). Prints a markdown table for docs/benchmarks.md and writes
// bench/results/preview-latency.json.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { FRAME_RENDERED_EVENT } from "../components/preview/deck-frame-host";
import { findFreePort } from "../server/free-port";

const SLIDES = 100;
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 150);
const TARGET_P95_MS = 16;

function deck(slides: number): string {
  let markdown = "---\ntitle: Benchmark deck\ntype: slide\nslideOptions:\n  theme: white\n  transition: slide\n---\n\n";
  markdown += "<style>\n.slides h1 { font-size: 36px; }\n.slides li { font-size: 20px; }\n</style>\n\n";
  for (let n = 1; n <= slides; n++) {
    if (n > 1) markdown += n % 5 === 0 ? "\n----\n\n" : "\n---\n\n";
    markdown += `# Team ${n} report\n\n**RC for R${n}**\n- Tagged RC is planned 4 weeks before the release\n- Testing of the deployment is planned for the next weeks\n- See [the docs](https://docs.scs.community/) and \`make test\`\n\n`;
    if (n % 10 === 0) markdown += "```yaml\nkind: Cluster\nspec:\n  replicas: 3\n```\n\n$E = mc^2$\n\n";
    markdown += `note: speaker notes for slide ${n}\n`;
  }
  return markdown;
}


function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Samples {
  /** Keystroke → the frame's DOM holds the change (reveal.js synced and laid out). */
  applied: number[];
  /** Keystroke → the editor page heard back from the frame (one more message hop). */
  notified: number[];
}

/** Types one character at a time, each after the preview showed the previous one. */
async function typeAndMeasure(page: Page, keystrokes: number): Promise<Samples> {
  await page.evaluate((eventName) => {
    const state = window as unknown as { bench: Samples; benchKeyAt: number | null; benchListening?: boolean };
    state.bench = { applied: [], notified: [] };
    state.benchKeyAt = null;
    if (state.benchListening) return;
    state.benchListening = true;
    // Epoch milliseconds on the performance clock, comparable with the frame's appliedAt.
    document.addEventListener("keydown", (event) => (state.benchKeyAt = performance.timeOrigin + event.timeStamp), { capture: true });
    document.querySelector('[data-testid="deck-frame-preview"]')!.addEventListener(eventName, (event) => {
      if (state.benchKeyAt === null) return;
      const { appliedAt } = (event as CustomEvent<{ appliedAt: number }>).detail;
      state.bench.applied.push(appliedAt - state.benchKeyAt);
      state.bench.notified.push(performance.timeOrigin + performance.now() - state.benchKeyAt);
      state.benchKeyAt = null;
    });
  }, FRAME_RENDERED_EVENT);
  // Letters only: a trailing space renders the same HTML, so the frame has nothing to update.
  const letters = "abcdefghijklmnopqrstuvwxyz";
  for (let n = 0; n < keystrokes; n++) {
    await page.keyboard.press(letters[n % letters.length]!);
    await page.waitForFunction((count) => (window as unknown as { bench: Samples }).bench.applied.length > count, n);
    await page.waitForTimeout(30);
  }
  return page.evaluate(() => (window as unknown as { bench: Samples }).bench);
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
      args: ["--no-sandbox", "--disable-gpu"],
    });
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, baseURL: base });
    const headers = { origin: base };
    const signUp = await context.request.post("/api/auth/sign-up/email", { data: { email: `bench-${Date.now()}@podium.test`, password: "correct horse battery", name: "Bench" }, headers });
    if (!signUp.ok()) throw new Error(`sign-up failed: ${signUp.status()} ${await signUp.text()}`);
    const created = await context.request.post("/api/decks", { data: { markdown: deck(SLIDES) }, headers });
    if (created.status() !== 201) throw new Error(`creating the deck failed: ${created.status()}`);
    const { id } = (await created.json()) as { id: string };

    const page = await context.newPage();
    await page.goto(`/d/${id}`);
    const frame = page.frameLocator('[data-testid="deck-frame-preview"]');
    await frame.locator(".slides section.present h1").first().waitFor();
    const sections = await frame.locator(".slides > section").count();

    // The last slide, then one in the middle.
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    const atEnd = await typeAndMeasure(page, Math.ceil(KEYSTROKES / 2));
    // The outline jumps the cursor to a slide's first line, as a team lead would.
    await page.getByTestId("outline-slide").filter({ hasText: `Team ${SLIDES / 2} report` }).click();
    await page.keyboard.press("End");
    const inMiddle = await typeAndMeasure(page, Math.floor(KEYSTROKES / 2));
    const shown = await frame.locator(".slides section.present:not(.stack) h1").first().textContent();
    await browser.close();

    const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
    const applied = sorted([...atEnd.applied, ...inMiddle.applied]);
    const notified = sorted([...atEnd.notified, ...inMiddle.notified]);
    const stats = (samples: number[]) => ({
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
      p99: percentile(samples, 99),
      max: samples[samples.length - 1]!,
    });
    const result = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      slides: SLIDES,
      sectionsInFrame: sections,
      keystrokes: applied.length,
      applied: stats(applied),
      notified: stats(notified),
      middleSlideShown: shown,
      targetP95: TARGET_P95_MS,
    };
    await mkdir("bench/results", { recursive: true });
    await writeFile("bench/results/preview-latency.json", JSON.stringify(result, null, 2));
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const row = (label: string, values: ReturnType<typeof stats>) =>
      `| ${label} | ${ms(values.p50)} | ${ms(values.p95)} | ${ms(values.p99)} | ${ms(values.max)} | < ${TARGET_P95_MS} ms ${values.p95 < TARGET_P95_MS ? "✓" : "✗"} |`;
    console.log(`Machine: ${result.machine}; ${SLIDES} slides (${sections} horizontal sections), ${applied.length} keystrokes; slide shown after the jump: ${shown}\n`);
    console.log("| keystroke → | p50 | p95 | p99 | max | target p95 |");
    console.log("|---|---|---|---|---|---|");
    console.log(row("preview frame updated (DOM changed, reveal.js synced)", result.applied));
    console.log(row("editor page told so (one more message hop)", result.notified));
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
