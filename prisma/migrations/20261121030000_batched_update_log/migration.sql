-- A group commit stores one row per deck holding all the updates of its flush window
-- (server/persistence/update-batch.ts). Existing rows hold one update each.
ALTER TABLE "deck_update" ADD COLUMN "update_count" INTEGER NOT NULL DEFAULT 1;
