"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ImportDialog } from "./import-dialog";

export function ImportButton() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button secondary" onClick={() => setOpen(true)}>
        Import…
      </button>
      {open && <ImportDialog onClose={() => setOpen(false)} onImported={() => router.refresh()} />}
    </>
  );
}
