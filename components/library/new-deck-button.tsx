"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { CreatedDeck } from "@/core/api/decks";

export function NewDeckButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function createDeck() {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/decks", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ markdown: NEW_DECK_MARKDOWN }),
      });
      if (!response.ok) throw new Error(`The server answered ${response.status}.`);
      const deck = (await response.json()) as CreatedDeck;
      router.push(deck.url);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not create the deck.");
      setBusy(false);
    }
  }

  return (
    <div>
      <button type="button" className="button" onClick={createDeck} disabled={busy}>
        {busy ? "Creating…" : "New deck"}
      </button>
      {error && <p className="error-text" role="alert">{error}</p>}
    </div>
  );
}

const NEW_DECK_MARKDOWN = `---
title: Untitled deck
type: slide
slideOptions:
  theme: white
  transition: slide
---

# Untitled deck

---

## First slide

- Write markdown here
- \`---\` starts a new slide, \`----\` a vertical one
`;
