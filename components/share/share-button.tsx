"use client";

import { useState } from "react";
import { ShareDialog } from "./share-dialog";

/** Opens the Share dialog; shown to the deck's owner and to admins. */
export function ShareButton({ deckId }: { deckId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button secondary" data-testid="share-button" onClick={() => setOpen(true)}>
        Share
      </button>
      {open && <ShareDialog deckId={deckId} onClose={() => setOpen(false)} />}
    </>
  );
}
