"use client";

// One section in the outline: its owner, its status, who is writing in it right now, and the
// controls to claim, assign, release it and set its status (people who may write only).
import { SECTION_STATUS_LABELS, SECTION_STATUSES, isSectionStatus, type SectionStatus } from "@/core/sections/deck-sections";
import type { SectionChange } from "@/core/sections/section-edit";
import { memo, useSyncExternalStore } from "react";
import { changeSection } from "./section-actions";
import type { SectionRows } from "./section-rows";
import { useSectionRowsState } from "./sections-context";
import "./sections.css";

const noSubscription = () => () => {};

// Memoised, and reading only its own row: editing one section re-renders one row of thousands.
export const SectionRow = memo(function SectionRow({ h }: { h: number }) {
  const state = useSectionRowsState();
  const view = useRow(state?.rows ?? null, h);
  if (!state || !view) return null;
  const { section, writers } = view;
  const { me, writable, people, text } = state;
  const mine = me !== null && section.owner === me.id;
  const canEdit = writable && text !== null;
  const apply = (change: SectionChange) => {
    if (!text) return;
    try {
      changeSection(text, h, change);
    } catch (error) {
      console.warn("Podium could not change this section", error);
    }
  };
  const ownerName = section.owner === null ? null : (people.find((person) => person.id === section.owner)?.name ?? section.ownerName ?? "someone");
  const label = section.title || `Section ${h + 1}`;

  return (
    <div className="section-row" data-testid="section-row" data-section={h} data-status={section.tracked ? section.status : "untracked"}>
      {section.tracked && (
        <span className={`section-status section-status-${section.status}`} data-testid="section-status">
          {SECTION_STATUS_LABELS[section.status]}
        </span>
      )}
      {section.tracked && (
        <span className={ownerName ? "section-owner" : "section-owner none"} data-testid="section-owner">
          {ownerName ? (mine ? `${ownerName} (me)` : ownerName) : "No owner"}
        </span>
      )}
      {section.continued && <span className="section-continued" title="Carried over into the next call">continued</span>}
      {writers.length > 0 && (
        <span className="section-writers" data-testid="section-writers">
          ✎ {writers.map((peer) => peer.name).join(", ")} writing
        </span>
      )}
      {canEdit && (
        <span className="section-controls">
          {me && !mine && (
            <button type="button" className="section-button" onClick={() => apply({ owner: me, status: section.status === "todo" ? "writing" : section.status })} aria-label={`Claim ${label}`}>
              Claim
            </button>
          )}
          {mine && (
            <button type="button" className="section-button" onClick={() => apply({ owner: null })} aria-label={`Release ${label}`}>
              Release
            </button>
          )}
          {me && people.length > 0 && (
            <select
              className="section-select"
              aria-label={`Assign ${label}`}
              value=""
              onChange={(event) => {
                const person = people.find((candidate) => candidate.id === event.target.value);
                if (person) apply({ owner: person });
              }}
            >
              <option value="">Assign…</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          )}
          <select
            className="section-select"
            aria-label={`Status of ${label}`}
            value={section.tracked ? section.status : ""}
            onChange={(event) => {
              const status = event.target.value;
              if (isSectionStatus(status)) apply({ status: status as SectionStatus });
            }}
          >
            {!section.tracked && <option value="">Status…</option>}
            {SECTION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {SECTION_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </span>
      )}
    </div>
  );
});

function useRow(rows: SectionRows | null, h: number) {
  const read = () => rows?.row(h) ?? null;
  return useSyncExternalStore(rows?.subscribe ?? noSubscription, read, read);
}
