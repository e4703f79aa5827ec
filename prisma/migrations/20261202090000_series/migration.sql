-- The weekly cycle: series of calls, each deck's call date, the end-of-call lock and the derived
-- section summary (owners and status, from the sections' attribute comments).
CREATE TABLE "series" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "folder" TEXT NOT NULL,
    "cadence_days" INTEGER NOT NULL DEFAULT 7,
    "weekday" INTEGER,
    "start_time" TEXT,
    "duration_minutes" INTEGER NOT NULL DEFAULT 60,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "template_deck_id" TEXT,
    "prepare_days_ahead" INTEGER,
    "lock_after_minutes" INTEGER,
    "owner_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "series_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "series_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "series_folder_key" ON "series"("folder");

ALTER TABLE "deck" ADD COLUMN "series_id" TEXT,
    ADD COLUMN "call_date" DATE,
    ADD COLUMN "locked_at" TIMESTAMP(3),
    ADD COLUMN "locked_by_id" TEXT,
    ADD COLUMN "sections" JSONB NOT NULL DEFAULT '[]';

ALTER TABLE "deck" ADD CONSTRAINT "deck_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "series"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE INDEX "deck_series_id_call_date_idx" ON "deck"("series_id", "call_date");
