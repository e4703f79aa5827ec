-- Pairings: a phone or second laptop steering a deck's slideshow for the account that paired it
-- (server/access/presenter-pairings.ts). Only hashes of the code and of the device secret are kept.
CREATE TABLE "presenter_pairing" (
    "id" TEXT NOT NULL,
    "deck_id" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "code_hash" TEXT NOT NULL,
    "session_hash" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "redeemed_at" TIMESTAMP(3),
    "session_expires_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "presenter_pairing_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "presenter_pairing_deck_id_fkey" FOREIGN KEY ("deck_id") REFERENCES "deck"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "presenter_pairing_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "presenter_pairing_code_hash_key" ON "presenter_pairing"("code_hash");
CREATE UNIQUE INDEX "presenter_pairing_session_hash_key" ON "presenter_pairing"("session_hash");
CREATE INDEX "presenter_pairing_deck_id_idx" ON "presenter_pairing"("deck_id");
