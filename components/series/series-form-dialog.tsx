"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { libraryApi, type TemplateInfo } from "@/components/library/library-client";
import { SERIES_DEFAULTS, WEEKDAY_NAMES, type SeriesSettings } from "@/core/api/series";

type Draft = { [K in keyof SeriesSettings]: string };

/** Creates or edits a series: name, folder, cadence, weekday, start time, time zone, duration, template, automatic preparation. */
export function SeriesFormDialog({
  initial,
  canAutomate,
  onSave,
  onClose,
}: {
  initial: SeriesSettings | null;
  /** Admins may let Podium prepare calls automatically. */
  canAutomate: boolean;
  onSave: (settings: Partial<SeriesSettings>) => Promise<void>;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const start = initial ?? { ...SERIES_DEFAULTS, name: "", folder: "" };
  const [draft, setDraft] = useState<Draft>(() => ({
    name: start.name,
    folder: start.folder,
    cadenceDays: String(start.cadenceDays),
    weekday: start.weekday === null ? "" : String(start.weekday),
    startTime: start.startTime ?? "",
    timeZone: start.timeZone,
    durationMinutes: String(start.durationMinutes),
    templateDeckId: start.templateDeckId ?? "",
    prepareDaysAhead: start.prepareDaysAhead === null ? "" : String(start.prepareDaysAhead),
    lockAfterMinutes: start.lockAfterMinutes === null ? "" : String(start.lockAfterMinutes),
  }));
  const [folderTouched, setFolderTouched] = useState(initial !== null);
  const [templates, setTemplates] = useState<TemplateInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => dialog.current?.showModal(), []);
  useEffect(() => {
    libraryApi.templates().then(
      (answer) => setTemplates(answer.templates.filter((template) => !template.shipped)),
      () => setTemplates([]),
    );
  }, []);

  const set = (key: keyof Draft, value: string) =>
    setDraft((current) => ({ ...current, [key]: value, ...(key === "name" && !folderTouched ? { folder: slug(value) } : {}) }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const settings: Partial<SeriesSettings> = {
      name: draft.name,
      folder: draft.folder,
      cadenceDays: Number(draft.cadenceDays),
      weekday: draft.weekday === "" ? null : Number(draft.weekday),
      startTime: draft.startTime || null,
      timeZone: draft.timeZone,
      durationMinutes: Number(draft.durationMinutes),
      templateDeckId: draft.templateDeckId || null,
      lockAfterMinutes: draft.lockAfterMinutes === "" ? null : Number(draft.lockAfterMinutes),
    };
    if (canAutomate) settings.prepareDaysAhead = draft.prepareDaysAhead === "" ? null : Number(draft.prepareDaysAhead);
    try {
      await onSave(settings);
      dialog.current?.close();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not save the series.");
      setBusy(false);
    }
  }

  const title = initial ? "Edit series" : "New series";
  return (
    <dialog ref={dialog} className="dialog" aria-label={title} onClose={onClose}>
      <form className="dialog-body" onSubmit={(event) => void submit(event)}>
        <h2>{title}</h2>
        <div className="series-form">
          <label className="field wide">
            Name
            <input autoFocus required maxLength={120} value={draft.name} onChange={(event) => set("name", event.target.value)} placeholder="Community Call" />
          </label>
          <label className="field wide">
            Folder
            <input
              required
              maxLength={64}
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              value={draft.folder}
              onChange={(event) => {
                setFolderTouched(true);
                set("folder", event.target.value);
              }}
              placeholder="community-call"
            />
          </label>
          <label className="field">
            Every … days
            <input type="number" min={1} max={365} required value={draft.cadenceDays} onChange={(event) => set("cadenceDays", event.target.value)} />
          </label>
          <label className="field">
            Weekday
            <select value={draft.weekday} onChange={(event) => set("weekday", event.target.value)}>
              <option value="">Any day</option>
              {WEEKDAY_NAMES.map((name, index) => (
                <option key={name} value={index}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Start time
            <input type="time" value={draft.startTime} onChange={(event) => set("startTime", event.target.value)} />
          </label>
          <label className="field">
            Time zone
            <input required maxLength={64} value={draft.timeZone} onChange={(event) => set("timeZone", event.target.value)} placeholder="Europe/Berlin" />
          </label>
          <label className="field">
            Duration (minutes)
            <input type="number" min={1} max={1440} required value={draft.durationMinutes} onChange={(event) => set("durationMinutes", event.target.value)} />
          </label>
          <label className="field">
            Template
            <select value={draft.templateDeckId} onChange={(event) => set("templateDeckId", event.target.value)}>
              <option value="">Community call (built in)</option>
              {templates.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.title}
                </option>
              ))}
              {draft.templateDeckId && !templates.some((template) => template.id === draft.templateDeckId) && <option value={draft.templateDeckId}>Deck {draft.templateDeckId}</option>}
            </select>
          </label>
          <label className="field wide">
            Lock the deck this many minutes after the call ends (empty: only “End call” locks)
            <input type="number" min={0} max={10080} value={draft.lockAfterMinutes} onChange={(event) => set("lockAfterMinutes", event.target.value)} />
          </label>
          {canAutomate && (
            <label className="field wide">
              Prepare the next call automatically, days ahead (empty: only by hand)
              <input type="number" min={0} max={60} value={draft.prepareDaysAhead} onChange={(event) => set("prepareDaysAhead", event.target.value)} />
            </label>
          )}
        </div>
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
            {initial ? "Save" : "Create series"}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);
}
