"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { SeriesFormDialog } from "./series-form-dialog";
import { seriesApi } from "./series-client";

/** "New series": a dialog for its settings, then its page. */
export function NewSeriesButton({ canAutomate }: { canAutomate: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button secondary" onClick={() => setOpen(true)}>
        New series
      </button>
      {open && (
        <SeriesFormDialog
          initial={null}
          canAutomate={canAutomate}
          onClose={() => setOpen(false)}
          onSave={async (settings) => router.push((await seriesApi.create(settings)).url)}
        />
      )}
    </>
  );
}
