"use client";

import { useState } from "react";
import { sendJson } from "@/components/auth/auth-request";
import { ConfirmDialog } from "@/components/library/confirm-dialog";
import { RelativeTime } from "@/components/library/relative-time";
import type { StaleDeck, StaleDeckList } from "@/core/api/admin";

/** Bulk archive by age (preview, then progress) and the archive export with its verified purge. */
export function ArchivePanel({ archivedCount }: { archivedCount: number }) {
  const [days, setDays] = useState("90");
  const [preview, setPreview] = useState<StaleDeck[] | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [exported, setExported] = useState<{ blob: Blob; decks: number } | null>(null);
  const [confirmPurge, setConfirmPurge] = useState(false);
  const [purgeResult, setPurgeResult] = useState<string | null>(null);

  async function loadPreview() {
    setError(null);
    setDone(null);
    try {
      setPreview((await sendJson<StaleDeckList>("GET", `/api/admin/archive?olderThanDays=${encodeURIComponent(days)}`)).decks);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not load the preview.");
    }
  }

  async function archiveAll() {
    if (!preview) return;
    setRunning(true);
    setError(null);
    setDone(0);
    // One request per deck: the bar shows real progress, and a failure stops at the deck it names.
    for (const [index, deck] of preview.entries()) {
      try {
        await sendJson("POST", `/api/decks/${deck.id}/archive`);
      } catch (failure) {
        setError(`“${deck.title || deck.id}” could not be archived: ${failure instanceof Error ? failure.message : "unknown error"}`);
        break;
      }
      setDone(index + 1);
    }
    setRunning(false);
  }

  async function exportArchive() {
    setError(null);
    setPurgeResult(null);
    const response = await fetch("/api/admin/archive/export");
    if (!response.ok) {
      setError(`The export failed (${response.status}).`);
      return;
    }
    const blob = await response.blob();
    setExported({ blob, decks: Number(response.headers.get("x-podium-decks") ?? 0) });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "podium-archive.zip";
    link.click();
    URL.revokeObjectURL(link.href);
  }

  async function purge() {
    if (!exported) return;
    const response = await fetch("/api/admin/archive/purge", { method: "POST", body: exported.blob });
    const payload = (await response.json()) as { purged?: string[]; kept?: { deckId: string; reason: string }[]; error?: { message: string } };
    if (!response.ok) throw new Error(payload.error?.message ?? `The purge failed (${response.status}).`);
    setPurgeResult(
      `${payload.purged!.length} deck${payload.purged!.length === 1 ? "" : "s"} purged.` +
        (payload.kept!.length ? ` Kept ${payload.kept!.length}: ${payload.kept!.map((entry) => `${entry.deckId} (${entry.reason})`).join(", ")}.` : ""),
    );
    setExported(null);
  }

  const percent = preview && preview.length > 0 && done !== null ? Math.round((done / preview.length) * 100) : 0;
  return (
    <>
      <section className="archive-admin" aria-labelledby="bulk-title">
        <h2 id="bulk-title">Archive old decks</h2>
        <p className="muted">Archived decks are read-only for everyone, leave the default list and stay searchable under “Archived”.</p>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void loadPreview();
          }}
        >
          <label className="muted" htmlFor="older-than">
            Not edited for
          </label>
          <input id="older-than" type="number" min={0} max={36500} value={days} onChange={(event) => setDays(event.target.value)} />
          <span className="muted">days</span>
          <button type="submit" className="button secondary">
            Preview
          </button>
        </form>
        {preview && (
          <>
            <p>
              <strong>{preview.length}</strong> deck{preview.length === 1 ? "" : "s"} would be archived.
            </p>
            {preview.length > 0 && (
              <table className="data-table archive-preview" aria-label="Decks to archive">
                <thead>
                  <tr>
                    <th>Title</th>
                    <th>Last edited</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.map((deck) => (
                    <tr key={deck.id}>
                      <td>{deck.title || "Untitled"}</td>
                      <td>
                        <RelativeTime iso={deck.updatedAt} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {done !== null && (
              <div className="upload-progress">
                <progress max={100} value={percent} aria-label="Archive progress" />
                <span className="muted">
                  {done} of {preview.length} archived
                </span>
              </div>
            )}
            <div>
              <button type="button" className="button" disabled={running || preview.length === 0 || done === preview.length} onClick={() => void archiveAll()}>
                {running ? "Archiving…" : `Archive ${preview.length} deck${preview.length === 1 ? "" : "s"}`}
              </button>
            </div>
          </>
        )}
      </section>
      <section className="archive-admin" aria-labelledby="export-title">
        <h2 id="export-title">Export the archive</h2>
        <p className="muted">
          One <code>.zip</code> of the {archivedCount} archived deck{archivedCount === 1 ? "" : "s"}, laid out for a git repository (
          <code>2024/20240808-community-call.md</code>, images beside each deck, <code>manifest.json</code> with checksums). After a
          verified export you may purge them from Podium.
        </p>
        <div className="library-actions">
          <button type="button" className="button secondary" onClick={() => void exportArchive()}>
            Download archive (.zip)
          </button>
          {exported && (
            <button type="button" className="button danger" onClick={() => setConfirmPurge(true)}>
              Purge the {exported.decks} exported deck{exported.decks === 1 ? "" : "s"}…
            </button>
          )}
        </div>
        {purgeResult && <p role="status">{purgeResult}</p>}
      </section>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {confirmPurge && (
        <ConfirmDialog title="Purge the exported decks?" confirmLabel="Purge for good" danger onClose={() => setConfirmPurge(false)} onConfirm={purge}>
          The export you just downloaded is sent back and checked first: every file must match its checksum, and a deck changed since
          the export is kept. Purged decks cannot be restored.
        </ConfirmDialog>
      )}
    </>
  );
}
