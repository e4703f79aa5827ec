// Pasting an image into the editor uploads it and inserts a markdown image that the server serves
// back byte for byte, with its type read from the bytes.
import { expect, test } from "@playwright/test";
import { E2E_ORIGIN, signedInContext } from "./support/auth";

// A 1×1 PNG.
const PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

test("a pasted image is uploaded and inserted as markdown", async ({ context, page }) => {
  await signedInContext(context, "Paster");
  const created = await page.request.post("/api/decks", { data: { markdown: "# Pictures\n\n" }, headers: { origin: E2E_ORIGIN } });
  const { url } = (await created.json()) as { url: string };
  await page.goto(url);
  const editor = page.getByTestId("deck-editor").locator(".cm-content");
  await expect(editor).toContainText("# Pictures");
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], "tiny dot.png", { type: "image/png" }));
    const target = document.querySelector(".cm-content")!;
    target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, PNG_BASE64);
  await expect(editor).toContainText(/!\[tiny dot\]\(\/media\/[0-9a-f]{64}\.png\)/);
  const text = (await editor.textContent())!;
  const mediaUrl = /\/media\/[0-9a-f]{64}\.png/.exec(text)![0];
  const image = await page.request.get(mediaUrl);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect(image.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.from(await image.body()).toString("base64")).toBe(PNG_BASE64);
});
