// "My sections": the sections I own in upcoming calls, soonest first, then in decks that are no call.
import Link from "next/link";
import type { MySection, MySectionsResponse } from "@/core/api/sections";
import { SECTION_STATUS_LABELS } from "@/core/sections/deck-sections";
import "./sections.css";

export function MySectionsList({ sections }: { sections: MySectionsResponse }) {
  if (sections.upcoming.length === 0 && sections.undated.length === 0) {
    return (
      <section className="my-sections" data-testid="my-sections">
        <p>You own no section in an upcoming call. Claim one in a deck&apos;s outline (the Slides panel of the editor).</p>
      </section>
    );
  }
  return (
    <section className="my-sections" data-testid="my-sections">
      {sections.upcoming.length > 0 && (
        <>
          <h2>Upcoming calls</h2>
          <SectionList sections={sections.upcoming} />
        </>
      )}
      {sections.undated.length > 0 && (
        <>
          <h2>Other decks</h2>
          <SectionList sections={sections.undated} />
        </>
      )}
    </section>
  );
}

function SectionList({ sections }: { sections: MySection[] }) {
  return (
    <ul className="my-sections-list">
      {sections.map((section) => (
        <li key={`${section.deckId}.${section.index}`} className="my-section" data-testid="my-section">
          {section.callDate && <span className="my-section-date">{section.callDate}</span>}
          <span>
            <Link href={section.deckUrl}>{section.title || `Section ${section.index + 1}`}</Link>
            <br />
            <span className="my-section-deck">
              {section.seriesName ? `${section.seriesName} · ` : ""}
              {section.deckTitle || "Untitled deck"}
              {section.locked ? " · locked after the call" : ""}
            </span>
          </span>
          <span className={`section-status section-status-${section.status}`}>{SECTION_STATUS_LABELS[section.status]}</span>
        </li>
      ))}
    </ul>
  );
}
