// A deck's offline HTML export saved to disk, and a context that may fetch nothing but files.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { APIRequestContext, BrowserContext } from "@playwright/test";

/** Saves the deck's HTML export to a temporary file and returns its file:// URL. */
export async function saveExport(request: APIRequestContext, deckId: string): Promise<string> {
  const exported = await request.get(`/api/decks/${deckId}/export?format=html`);
  const file = path.join(mkdtempSync(path.join(tmpdir(), "podium-export-")), "deck.html");
  writeFileSync(file, await exported.body());
  return pathToFileURL(file).href;
}

/** Aborts every request that is not for a file; returns the list of what was tried. */
export async function onlyFiles(context: BrowserContext): Promise<string[]> {
  const remote: string[] = [];
  await context.route("**/*", (route) => {
    if (route.request().url().startsWith("file:")) return route.continue();
    remote.push(route.request().url());
    return route.abort();
  });
  return remote;
}
