"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";

/** Renames a deck: the new title goes into its frontmatter, through the live document. */
export function RenameDialog({ title, onRename, onClose }: { title: string; onRename: (title: string) => Promise<void>; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [value, setValue] = useState(title);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => dialog.current?.showModal(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onRename(value);
      dialog.current?.close();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not rename the deck.");
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} className="dialog" aria-label="Rename deck" onClose={onClose}>
      <form className="dialog-body" onSubmit={(event) => void submit(event)}>
        <h2>Rename deck</h2>
        <label className="field">
          Title
          <input autoFocus required maxLength={200} value={value} onChange={(event) => setValue(event.target.value)} />
        </label>
        <p className="muted">The title is the deck&apos;s frontmatter <code>title</code>; people editing it see the change at once.</p>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={busy}>
            Rename
          </button>
        </div>
      </form>
    </dialog>
  );
}
