"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatCallDate } from "./call-date";
import { seriesApi } from "./series-client";

/** "Prepare next call": the next date's deck from the series' template, then opens it. */
export function PrepareNextCallButton({ seriesId, nextCallDate }: { seriesId: string; nextCallDate: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function prepare() {
    setBusy(true);
    setError(null);
    try {
      router.push((await seriesApi.prepareNextCall(seriesId)).url);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not prepare the next call.");
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button" disabled={busy} onClick={() => void prepare()}>
        Prepare next call ({formatCallDate(nextCallDate)})
      </button>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
