-- CreateTable
CREATE TABLE "deck" (
    "id" TEXT NOT NULL,
    "snapshot" BYTEA,
    "markdown" TEXT NOT NULL DEFAULT '',
    "title" TEXT NOT NULL DEFAULT '',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deck_update" (
    "seq" BIGSERIAL NOT NULL,
    "deck_id" TEXT NOT NULL,
    "update" BYTEA NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deck_update_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "deck_updated_at_idx" ON "deck"("updated_at");

-- CreateIndex
CREATE INDEX "deck_update_deck_id_seq_idx" ON "deck_update"("deck_id", "seq");

-- AddForeignKey
ALTER TABLE "deck_update" ADD CONSTRAINT "deck_update_deck_id_fkey" FOREIGN KEY ("deck_id") REFERENCES "deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;
