-- Locking a deck after its call ("End call", or the series' time lock) takes writing away from
-- open connections at once: the deck trigger of 20261201110000_access_notify also fires when
-- locked_at changes. Same function otherwise; the trigger itself is unchanged.
CREATE OR REPLACE FUNCTION podium_deck_access_changed() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM podium_notify_access(jsonb_build_object('deckId', OLD.id, 'gone', true));
  ELSIF NEW.archived_at IS DISTINCT FROM OLD.archived_at OR NEW.deleted_at IS DISTINCT FROM OLD.deleted_at
     OR NEW.guest_access IS DISTINCT FROM OLD.guest_access OR NEW.member_access IS DISTINCT FROM OLD.member_access
     OR NEW.owner_id IS DISTINCT FROM OLD.owner_id OR NEW.locked_at IS DISTINCT FROM OLD.locked_at THEN
    PERFORM podium_notify_access(jsonb_build_object('deckId', NEW.id));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;


-- A deck unlocked by hand after its call (for a fix) is not locked again by the series' time lock.
ALTER TABLE "deck" ADD COLUMN "unlocked_at" TIMESTAMP(3);
