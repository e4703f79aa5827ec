"use client";

import Link from "next/link";
import { useState } from "react";
import type { AcceptedInvitation } from "@/core/api/invitations";
import { sendJson } from "./auth-request";

/** A signed-in person accepts an invitation: verifies their address and receives what was shared with it. */
export function AcceptInvitation({ token, signedInAs }: { token: string; signedInAs: string }) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function accept() {
    setBusy(true);
    setError(null);
    try {
      await sendJson<AcceptedInvitation>("POST", `/api/invitations/${encodeURIComponent(token)}`, {});
      setDone(true);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not accept the invitation.");
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <p className="notice" role="status" data-testid="invitation-accepted">
        Invitation accepted. <Link href="/">Open your decks</Link>
      </p>
    );
  }
  return (
    <>
      <p>You are signed in as {signedInAs}.</p>
      <button type="button" className="button" onClick={accept} disabled={busy}>
        Accept the invitation
      </button>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
