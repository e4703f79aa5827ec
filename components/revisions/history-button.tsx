"use client";

import { useState } from "react";
import { HistoryDialog } from "./history-dialog";

export function HistoryButton({ deckId, canWrite }: { deckId: string; canWrite: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button secondary" onClick={() => setOpen(true)}>
        History
      </button>
      {open && <HistoryDialog deckId={deckId} canWrite={canWrite} onClose={() => setOpen(false)} />}
    </>
  );
}
