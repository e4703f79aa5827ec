// Hostile decks in the live preview: the renderer's hostile inputs (core/render/fixtures), each
// slide shown, and deck CSS aimed at the editor. Fails when any script runs (a dialog, a console
// marker, a navigation) or when the editor's look changes.
import { expect, test, type Page } from "@playwright/test";
import { hostileInputs } from "../core/render/fixtures/hostile-inputs";
import { openEditor } from "./support/decks";
import { focusDeck, ownDeck, presentSlide, previewFrame } from "./support/deck-frame";

const MARKER = "PODIUM-SCRIPT-RAN";

// Aimed at the editor page itself: its body, header, editor and outline.
const HOSTILE_EXTRAS = [
  `<style>html, body, .editor-header, .cm-editor, .cm-content, .outline { background: rgb(255, 0, 0) !important; color: rgb(0, 255, 0) !important; font-family: fantasy !important; } .editor-header, .editor-main, .cm-editor, .outline { display: none !important; }</style>\n\n# Restyle attempt`,
  `<img src="x" onerror="console.log('${MARKER}')">`,
  `<svg><animate onbegin="console.log('${MARKER}')" attributeName="x" dur="1s"/></svg>`,
  `<a id="go" href="https://evil.example/">a link that must not navigate the frame</a>`,
  `<meta http-equiv="refresh" content="0;url=https://evil.example/">`,
];

function deckOf(frontmatter: string, slides: string[]): string {
  return `---\n${frontmatter}\n---\n\n${slides.join("\n\n---\n\n")}\n\n---\n\n# End of hostile deck\n`;
}

async function editorLook(page: Page) {
  return page.evaluate(() => {
    const look = (selector: string) => {
      const element = document.querySelector(selector);
      if (!element) return null;
      const style = getComputedStyle(element);
      return [style.display, style.backgroundColor, style.color, style.fontFamily, style.visibility].join("|");
    };
    return {
      body: look("body"),
      header: look(".editor-header"),
      editor: look(".cm-editor"),
      content: look(".cm-content"),
      outline: look(".outline"),
      box: JSON.stringify(document.querySelector(".cm-editor")?.getBoundingClientRect()),
    };
  });
}

test("hostile decks run no script in the preview and cannot restyle the editor", async ({ browser }) => {
  const context = await browser.newContext();
  const slideCases = hostileInputs.filter((input) => input.frontmatter === undefined).map((input) => input.markdown);
  const deckId = await ownDeck(context, "---\ntype: slide\n---\n\n# Harmless start\n");
  const page = await context.newPage();

  const ran: string[] = [];
  page.on("dialog", (dialog) => {
    ran.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (message.text().includes(MARKER)) ran.push(`console: ${message.text()}`);
  });
  // A clicked link opens in a new tab through the app (noopener); nothing else may open one.
  const popups: string[] = [];
  context.on("page", (opened) => popups.push(opened.url()));
  page.on("framenavigated", (frame) => {
    const url = new URL(frame.url());
    const expected = frame === page.mainFrame() ? url.pathname === `/d/${deckId}` : url.pathname === "/deck-frame.html";
    if (!expected) ran.push(`navigation: ${frame.url()}`);
  });

  await openEditor(page, deckId);
  const frame = previewFrame(page);
  await expect(presentSlide(frame).locator("h1")).toHaveText("Harmless start");
  await expect(page.getByTestId("deck-frame-preview")).toHaveAttribute("sandbox", "allow-scripts");
  const before = await editorLook(page);

  const origin = new URL(page.url()).origin;
  const put = async (markdown: string) => {
    const response = await context.request.put(`/api/decks/${deckId}/markdown`, { data: markdown, headers: { "content-type": "text/markdown", origin } });
    expect(response.status()).toBe(204);
  };

  await put(deckOf("type: slide", [...slideCases, ...HOSTILE_EXTRAS]));
  await expect(frame.locator(".slides > section")).toHaveCount(slideCases.length + HOSTILE_EXTRAS.length + 1);
  // The overview lays out every slide at once, so every element is created and displayed.
  await focusDeck(frame);
  await page.keyboard.press("o");
  await expect(frame.locator(".reveal.overview")).toBeVisible();
  await page.keyboard.press("o");
  await expect(frame.locator(".reveal.overview")).toHaveCount(0);
  // Step through each slide too (details, media and animations start on the slide shown).
  for (let index = 0; index <= slideCases.length + HOSTILE_EXTRAS.length; index++) {
    await page.keyboard.press("ArrowRight");
    if ((await presentSlide(frame).locator("#go").count()) > 0) {
      await presentSlide(frame).locator("#go").click();
      // (The sandbox has no network: the new tab shows an error page instead of evil.example.)
      await expect.poll(() => popups.length).toBe(1);
      await focusDeck(frame);
    }
  }
  await expect(presentSlide(frame).locator("h1")).toHaveText("End of hostile deck");
  expect(popups).toHaveLength(1);

  // slideOptions that would load code: each deck renders, with a warning, and runs nothing.
  for (const input of hostileInputs.filter((candidate) => candidate.frontmatter !== undefined)) {
    await put(deckOf(input.frontmatter!, [`# ${input.name}`]));
    await expect(frame.locator(".slides > section").first()).toContainText(input.name);
    await expect(page.getByTestId("render-warnings")).toBeVisible();
  }

  // The restyled slide is still styled inside the frame, where the deck's CSS belongs.
  await put(deckOf("type: slide", [HOSTILE_EXTRAS[0]!]));
  await expect(frame.locator("body")).toHaveCSS("background-color", "rgb(255, 0, 0)");

  await page.waitForTimeout(500);
  expect(ran).toEqual([]);
  expect(await editorLook(page)).toEqual(before);
  expect(page.url()).toContain(`/d/${deckId}`);
});

test("the deck frame is served with a strict policy and its own sandbox", async ({ request }) => {
  const response = await request.get("/deck-frame.html");
  expect(response.status()).toBe(200);
  const policy = response.headers()["content-security-policy"] ?? "";
  expect(policy).toContain("default-src 'none'");
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("frame-ancestors 'self'");
  expect(policy).toContain("sandbox allow-scripts");
  expect(policy).not.toContain("connect-src");
  expect(policy).not.toContain("allow-same-origin");
});
