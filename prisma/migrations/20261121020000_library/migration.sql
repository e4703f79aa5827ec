-- AlterTable
ALTER TABLE "deck" ADD COLUMN "archived_at" TIMESTAMP(3),
ADD COLUMN "deleted_at" TIMESTAMP(3),
ADD COLUMN "is_template" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "last_editor_id" TEXT;

-- Full-text search over title (weighted first) and text. The 'simple' configuration does not
-- stem, so German and English decks are searched alike. Not a GENERATED column: to_tsvector over a
-- 100 KB deck costs ~25 ms, and the update log rewrites a deck's text on every flush (10 ms apart
-- while someone types). The trigger indexes new decks and title changes at once and text changes
-- at most every 5 seconds per deck; server/library/search-indexer.ts catches up the rest.
ALTER TABLE "deck" ADD COLUMN "search" tsvector,
ADD COLUMN "search_indexed_at" TIMESTAMP(3);

CREATE FUNCTION "deck_search_vector"(title TEXT, markdown TEXT) RETURNS tsvector
    LANGUAGE sql IMMUTABLE AS $$
    SELECT setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
           setweight(to_tsvector('simple', coalesce(markdown, '')), 'B')
$$;

CREATE FUNCTION "deck_search_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT'
       OR NEW."title" IS DISTINCT FROM OLD."title"
       OR (NEW."markdown" IS DISTINCT FROM OLD."markdown"
           AND (OLD."search_indexed_at" IS NULL OR OLD."search_indexed_at" < now() - interval '5 seconds')) THEN
        NEW."search" := "deck_search_vector"(NEW."title", NEW."markdown");
        NEW."search_indexed_at" := now();
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER "deck_search_refresh" BEFORE INSERT OR UPDATE OF "title", "markdown" ON "deck"
    FOR EACH ROW EXECUTE FUNCTION "deck_search_refresh"();

-- CreateTable
CREATE TABLE "deck_pin" (
    "user_id" TEXT NOT NULL,
    "deck_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deck_pin_pkey" PRIMARY KEY ("user_id","deck_id")
);

-- CreateTable
CREATE TABLE "revision" (
    "id" TEXT NOT NULL,
    "deck_id" TEXT NOT NULL,
    "name" TEXT,
    "author_id" TEXT,
    "markdown" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "media" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BYTEA,
    "uploader_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "media_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "revision_deck_id_created_at_idx" ON "revision"("deck_id", "created_at");

-- CreateIndex
CREATE INDEX "deck_search_idx" ON "deck" USING GIN ("search");

-- CreateIndex
CREATE INDEX "deck_archived_at_deleted_at_updated_at_idx" ON "deck"("archived_at", "deleted_at", "updated_at");

-- AddForeignKey
ALTER TABLE "deck" ADD CONSTRAINT "deck_last_editor_id_fkey" FOREIGN KEY ("last_editor_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deck_pin" ADD CONSTRAINT "deck_pin_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deck_pin" ADD CONSTRAINT "deck_pin_deck_id_fkey" FOREIGN KEY ("deck_id") REFERENCES "deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revision" ADD CONSTRAINT "revision_deck_id_fkey" FOREIGN KEY ("deck_id") REFERENCES "deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revision" ADD CONSTRAINT "revision_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media" ADD CONSTRAINT "media_uploader_id_fkey" FOREIGN KEY ("uploader_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
