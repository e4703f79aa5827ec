"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/** A modal question with one action; the action's error is shown in the dialog, which stays open. */
export function ConfirmDialog({
  title,
  confirmLabel,
  danger = false,
  children,
  onConfirm,
  onClose,
}: {
  title: string;
  confirmLabel: string;
  danger?: boolean;
  children: ReactNode;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => dialog.current?.showModal(), []);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      dialog.current?.close();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "That did not work.");
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} className="dialog" aria-label={title} onClose={onClose}>
      <div className="dialog-body">
        <h2>{title}</h2>
        <p className="muted">{children}</p>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="button" className={danger ? "button danger" : "button"} disabled={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
