"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { CallDate } from "@/components/series/call-date";
import { xhrUpload, type UploadProgress } from "@/components/upload/xhr-upload";

interface ImportReport {
  decks: {
    id: string;
    url: string;
    path: string;
    title: string;
    repairs: { found: string; repaired: string; count: number }[];
    linkedMedia: number;
    callDate: string | null;
    dateNotes: string[];
    series: string | null;
  }[];
  media: number;
  problems: { path: string; message: string }[];
}

/** Imports .md files and .zip archives of them, with upload progress and what happened to each file. */
export function ImportDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => dialog.current?.showModal(), []);

  async function upload() {
    const form = new FormData();
    for (const file of files) form.append("file", file, file.name);
    setError(null);
    setProgress({ loaded: 0, total: files.reduce((sum, file) => sum + file.size, 0) });
    try {
      setReport(await xhrUpload<ImportReport>("/api/import", form, setProgress).done);
      onImported();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "The import failed.");
    } finally {
      setProgress(null);
    }
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;
  return (
    <dialog ref={dialog} className="dialog import-dialog" aria-labelledby="import-title" onClose={onClose}>
      <div className="dialog-body">
        <h2 id="import-title">Import decks</h2>
        {!report && (
          <>
            <p className="muted">
              Markdown files, or a <code>.zip</code> of a folder of them with their images (like a minutes repository:{" "}
              <code>community-call/20240808.md</code> beside its pictures). Each file becomes a deck; broken characters from a wrong
              encoding are repaired.
            </p>
            <label className="drop-zone">
              <input
                type="file"
                multiple
                accept=".md,.markdown,.txt,.zip,text/markdown,application/zip"
                aria-label="Files to import"
                onChange={(event) => setFiles([...(event.target.files ?? [])])}
              />
              <span>{files.length === 0 ? "Choose .md or .zip files…" : `${files.length} file${files.length === 1 ? "" : "s"} chosen`}</span>
            </label>
            {progress && (
              <div className="upload-progress">
                <progress max={100} value={percent} aria-label="Upload progress" />
                <span className="muted">{percent < 100 ? `Uploading… ${percent}%` : "Importing…"}</span>
              </div>
            )}
          </>
        )}
        {report && <ImportResult report={report} />}
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button secondary" onClick={() => dialog.current?.close()}>
            {report ? "Close" : "Cancel"}
          </button>
          {!report && (
            <button type="button" className="button" disabled={files.length === 0 || progress !== null} onClick={() => void upload()}>
              Import
            </button>
          )}
        </div>
      </div>
    </dialog>
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  return (
    <div className="import-result" aria-label="Import result">
      <p>
        <strong>
          {report.decks.length} deck{report.decks.length === 1 ? "" : "s"} imported
        </strong>
        {report.media > 0 && `, ${report.media} image${report.media === 1 ? "" : "s"} stored`}
        {report.problems.length > 0 && `, ${report.problems.length} file${report.problems.length === 1 ? "" : "s"} skipped`}.
      </p>
      <ul className="import-list">
        {report.decks.map((deck) => (
          <li key={deck.id}>
            {deck.callDate && <CallDate date={deck.callDate} />}
            <Link href={deck.url}>{deck.title || deck.path}</Link> <span className="muted">{deck.path}</span>
            {deck.series && <span className="badge template">{deck.series}</span>}
            {deck.dateNotes.length > 0 && <span className="date-notes">Date: {deck.dateNotes.join("; ")}</span>}
            {deck.repairs.length > 0 && (
              <span className="repairs">
                Repaired:{" "}
                {deck.repairs.map((repair) => (
                  <span key={repair.found} className="repair">
                    <code>{repair.found}</code> → <code>{repair.repaired}</code> ×{repair.count}
                  </span>
                ))}
              </span>
            )}
          </li>
        ))}
        {report.problems.map((problem) => (
          <li key={problem.path} className="problem">
            <span>
              <strong>{problem.path}</strong>: {problem.message}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
