// The sandboxed deck frames (components/preview/deck-frame.tsx) as tests see them.
import type { BrowserContext, FrameLocator, Page } from "@playwright/test";
import { signedInContext } from "./auth";
import { createDeck } from "./decks";

export function previewFrame(page: Page): FrameLocator {
  return page.frameLocator('[data-testid="deck-frame-preview"]');
}

export function slideshowFrame(page: Page): FrameLocator {
  return page.frameLocator('[data-testid="deck-frame-slideshow"]');
}

/** The slide reveal.js shows (the innermost present section). */
export function presentSlide(frame: FrameLocator) {
  return frame.locator(".slides section.present:not(.stack)");
}

/** Gives the frame the keyboard (a click beside the slides, which selects nothing). */
export async function focusDeck(frame: FrameLocator): Promise<void> {
  await frame.locator(".reveal").click({ position: { x: 3, y: 3 } });
}

/** A signed-in context and a deck it owns. */
export async function ownDeck(context: BrowserContext, markdown: string, name = "Presenter"): Promise<string> {
  await signedInContext(context, name);
  return createDeck(context.request, markdown);
}
