"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { SeriesSettings } from "@/core/api/series";
import { SeriesFormDialog } from "./series-form-dialog";
import { seriesApi } from "./series-client";

/** "Edit series" on its page (its owner, or an admin). A new folder moves the page: it follows. */
export function EditSeriesButton({ seriesId, settings, canAutomate }: { seriesId: string; settings: SeriesSettings; canAutomate: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button secondary" onClick={() => setOpen(true)}>
        Edit series
      </button>
      {open && (
        <SeriesFormDialog
          initial={settings}
          canAutomate={canAutomate}
          onClose={() => setOpen(false)}
          onSave={async (change) => {
            const saved = await seriesApi.update(seriesId, change);
            router.replace(saved.url);
            router.refresh();
          }}
        />
      )}
    </>
  );
}
