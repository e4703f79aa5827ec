"use client";

// "Control from another device": makes a one-time pairing (server/access/presenter-pairings.ts)
// and shows its link as a QR code, drawn here by the `qrcode` package (nothing leaves for a
// third-party host), with the short code to type instead. The phone that opens it becomes a
// remote (app/d/[id]/remote) steering this account's slideshow through the server. Revoke
// disconnects it.
import QRCode from "qrcode";
import { useState } from "react";
import type { ApiErrorBody } from "@/core/api/errors";
import type { CreatedPairing } from "@/core/api/pairings";

interface Pairing extends CreatedPairing {
  link: string;
  svg: string;
}

export function remoteLink(origin: string, deckId: string, code: string): string {
  return `${origin}/d/${encodeURIComponent(deckId)}/remote?pair=${encodeURIComponent(code)}`;
}

export function RemoteControlButton({ deckId, onOpen }: { deckId: string; onOpen?: () => void }) {
  const [open, setOpen] = useState(false);
  const [pairing, setPairing] = useState<Pairing | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setOpen(true);
    onOpen?.();
    setError(null);
    if (pairing && new Date(pairing.expiresAt).getTime() > Date.now()) return;
    const response = await fetch(`/api/decks/${encodeURIComponent(deckId)}/pairings`, { method: "POST" });
    const body = (await response.json().catch(() => null)) as (Partial<CreatedPairing> & Partial<ApiErrorBody>) | null;
    if (!response.ok || !body?.id || !body.code || !body.expiresAt) {
      setError(body?.error?.message ?? "The pairing could not be made.");
      return;
    }
    const link = remoteLink(location.origin, deckId, body.code);
    const svg = await QRCode.toString(link, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    setPairing({ id: body.id, code: body.code, expiresAt: body.expiresAt, link, svg });
  };

  const revoke = async () => {
    if (!pairing) return;
    const response = await fetch(`/api/decks/${encodeURIComponent(deckId)}/pairings/${encodeURIComponent(pairing.id)}`, { method: "DELETE" });
    if (!response.ok && response.status !== 404) {
      setError("The pairing could not be revoked; try again.");
      return;
    }
    setPairing(null);
    setOpen(false);
  };

  return (
    <>
      <button type="button" className="slideshow-button" onClick={() => void start()}>
        Control from another device
      </button>
      {open && (
        <div className="remote-pairing" role="dialog" aria-label="Control from another device" data-testid="remote-pairing">
          <p>Scan with your phone, or open the link: it works once, for ten minutes.</p>
          {error && <p role="alert">{error}</p>}
          {pairing && (
            <>
              {/* The SVG is made here from our own link: no markup from anyone else. */}
              <div className="remote-qr" data-testid="remote-qr" dangerouslySetInnerHTML={{ __html: pairing.svg }} />
              <p>
                <a href={pairing.link} target="_blank" rel="noreferrer" data-testid="remote-link">
                  {pairing.link.replace(/^https?:\/\//, "").replace(/\?.*$/, "")}
                </a>{" "}
                code <strong data-testid="remote-code">{pairing.code}</strong>
              </p>
            </>
          )}
          <div className="remote-pairing-actions">
            {pairing && (
              <button type="button" className="slideshow-button" onClick={() => void revoke()}>
                Revoke
              </button>
            )}
            <button type="button" className="slideshow-button" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
        </div>
      )}
    </>
  );
}
