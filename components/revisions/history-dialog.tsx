"use client";

import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { sendJson } from "@/components/auth/auth-request";
import { RelativeTime } from "@/components/library/relative-time";
import type { DiffLine, RevisionList, RevisionSummary, RevisionWithDiff } from "@/core/api/revisions";
import { RevisionDiff } from "./revision-diff";
import "./revisions.css";

/** The deck's history: saved revisions with author and time, a diff against now, restore, and "Save revision…". */
export function HistoryDialog({ deckId, canWrite, onClose }: { deckId: string; canWrite: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [diff, setDiff] = useState<DiffLine[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const base = `/api/decks/${encodeURIComponent(deckId)}/revisions`;

  const refresh = useCallback(async () => {
    try {
      setRevisions((await sendJson<RevisionList>("GET", base)).revisions);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not load the history.");
    }
  }, [base]);

  useEffect(() => {
    dialog.current?.showModal();
    sendJson<RevisionList>("GET", base).then(
      (answer) => setRevisions(answer.revisions),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : "Could not load the history."),
    );
  }, [base]);

  async function select(id: string) {
    setSelected(id);
    setDiff(null);
    setError(null);
    try {
      setDiff((await sendJson<RevisionWithDiff>("GET", `${base}/${id}`)).diff);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not load this revision.");
    }
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    setError(null);
    try {
      await sendJson("POST", base, { name });
      form.reset();
      setNotice(`Saved “${name.trim()}”.`);
      await refresh();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not save the revision.");
    }
  }

  async function restore() {
    if (!selected) return;
    setError(null);
    try {
      await sendJson("POST", `${base}/${selected}/restore`);
      setNotice("Restored. Everyone editing sees it now; the text it replaced is kept in the history.");
      setSelected(null);
      setDiff(null);
      await refresh();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not restore this revision.");
    }
  }

  const current = revisions?.find((revision) => revision.id === selected);
  return (
    <dialog ref={dialog} className="dialog history-dialog" aria-labelledby="history-title" onClose={onClose}>
      <div className="dialog-body">
        <div className="history-head">
          <h2 id="history-title">History</h2>
          <button type="button" className="button secondary" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
        {canWrite && (
          <form className="inline-form" onSubmit={(event) => void save(event)}>
            <input name="name" required maxLength={120} placeholder="Name this version, e.g. before the call" aria-label="Revision name" />
            <button type="submit" className="button">
              Save revision
            </button>
          </form>
        )}
        {notice && (
          <p className="history-notice" role="status">
            {notice}
          </p>
        )}
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <div className="history-body">
          <ul className="revision-list" aria-label="Revisions">
            {revisions === null && <li className="muted">Loading…</li>}
            {revisions?.length === 0 && <li className="muted">No revisions yet. They are taken while people edit, and when the last one leaves.</li>}
            {revisions?.map((revision) => (
              <li key={revision.id}>
                <button type="button" className={revision.id === selected ? "revision active" : "revision"} onClick={() => void select(revision.id)}>
                  <span className={revision.name ? "revision-name" : "revision-name automatic"}>{revision.name ?? "Automatic snapshot"}</span>
                  <span className="muted">
                    <RelativeTime iso={revision.createdAt} />
                    {revision.authorName && ` · ${revision.authorName}`}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <div className="revision-detail">
            {!selected && <p className="muted">Choose a revision to see what changed since.</p>}
            {selected && !diff && !error && <p className="muted">Loading…</p>}
            {selected && diff && (
              <>
                <div className="revision-detail-head">
                  <span>
                    Changes from <strong>{current?.name ?? "this snapshot"}</strong> to now
                  </span>
                  {canWrite && (
                    <button type="button" className="button" onClick={() => void restore()}>
                      Restore this version
                    </button>
                  )}
                </div>
                <RevisionDiff lines={diff} />
              </>
            )}
          </div>
        </div>
      </div>
    </dialog>
  );
}
