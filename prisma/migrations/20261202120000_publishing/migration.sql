-- Publishing to git: the connected repository (its token encrypted) and each deck's publication,
-- whose unpublished rows are the retry queue.
CREATE TABLE "publish_repository" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "branch" TEXT NOT NULL DEFAULT 'main',
    "token_ciphertext" TEXT,
    "publish_on_archive" BOOLEAN NOT NULL DEFAULT true,
    "last_push_at" TIMESTAMP(3),
    "push_error" TEXT,
    "push_attempts" INTEGER NOT NULL DEFAULT 0,
    "next_push_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "publish_repository_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "deck_publication" (
    "deck_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "path" TEXT,
    "files" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "content_hash" TEXT,
    "commit_sha" TEXT,
    "published_at" TIMESTAMP(3),
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queued_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deck_publication_pkey" PRIMARY KEY ("deck_id"),
    CONSTRAINT "deck_publication_status_check" CHECK ("status" IN ('pending', 'published', 'failed')),
    CONSTRAINT "deck_publication_deck_id_fkey" FOREIGN KEY ("deck_id") REFERENCES "deck"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "deck_publication_path_key" ON "deck_publication"("path");
CREATE INDEX "deck_publication_status_next_attempt_at_idx" ON "deck_publication"("status", "next_attempt_at");
