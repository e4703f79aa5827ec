// Steering a slideshow from another device: /api/decks/<id>/pairings[/<pid>|/redeem] (docs/api.md).

/** POST /api/decks/<id>/pairings: 201. */
export interface CreatedPairing {
  id: string;
  /** The one-time code, shown once: XXXX-XXXX-XXXX. */
  code: string;
  expiresAt: string;
}

/** POST /api/decks/<id>/pairings/redeem */
export interface RedeemPairingRequest {
  code: string;
}

/** POST /api/decks/<id>/pairings/redeem: 201. */
export interface RedeemedPairing {
  pairingId: string;
  /** The device's secret for the WebSocket, shown once. */
  secret: string;
  expiresAt: string;
}
