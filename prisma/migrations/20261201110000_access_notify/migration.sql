-- Revocation reaches every running instance (and the CLI reaches running servers) through
-- PostgreSQL itself: each change that can take access away notifies the channel "podium_access"
-- on commit, with a small JSON payload; server/access/access-notifier.ts listens.

CREATE OR REPLACE FUNCTION podium_notify_access(payload jsonb) RETURNS void AS $$
BEGIN
  PERFORM pg_notify('podium_access', payload::text);
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION podium_deck_access_changed() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM podium_notify_access(jsonb_build_object('deckId', OLD.id, 'gone', true));
  ELSIF NEW.archived_at IS DISTINCT FROM OLD.archived_at OR NEW.deleted_at IS DISTINCT FROM OLD.deleted_at
     OR NEW.guest_access IS DISTINCT FROM OLD.guest_access OR NEW.member_access IS DISTINCT FROM OLD.member_access
     OR NEW.owner_id IS DISTINCT FROM OLD.owner_id THEN
    PERFORM podium_notify_access(jsonb_build_object('deckId', NEW.id));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER deck_access_changed AFTER UPDATE OR DELETE ON "deck"
  FOR EACH ROW EXECUTE FUNCTION podium_deck_access_changed();

CREATE OR REPLACE FUNCTION podium_grant_changed() RETURNS trigger AS $$
BEGIN
  PERFORM podium_notify_access(jsonb_build_object('deckId', COALESCE(NEW.deck_id, OLD.deck_id)));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER deck_grant_changed AFTER INSERT OR UPDATE OR DELETE ON "deck_grant"
  FOR EACH ROW EXECUTE FUNCTION podium_grant_changed();

CREATE OR REPLACE FUNCTION podium_user_access_changed() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM podium_notify_access(jsonb_build_object('userId', OLD.id));
  ELSIF NEW.banned IS DISTINCT FROM OLD.banned OR NEW.role IS DISTINCT FROM OLD.role THEN
    PERFORM podium_notify_access(jsonb_build_object('userId', NEW.id));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER user_access_changed AFTER UPDATE OR DELETE ON "user"
  FOR EACH ROW EXECUTE FUNCTION podium_user_access_changed();

-- A session deleted (sign-out, revoked) ends at once; one whose expiry moved (refreshed while in use,
-- or cut short) moves the timer of the connections opened with it.
CREATE OR REPLACE FUNCTION podium_session_changed() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM podium_notify_access(jsonb_build_object('sessionId', OLD.id));
  ELSIF NEW.expires_at IS DISTINCT FROM OLD.expires_at THEN
    PERFORM podium_notify_access(jsonb_build_object('sessionId', NEW.id, 'expiresAt', NEW.expires_at));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER session_changed AFTER UPDATE OR DELETE ON "session"
  FOR EACH ROW EXECUTE FUNCTION podium_session_changed();

CREATE OR REPLACE FUNCTION podium_token_revoked() RETURNS trigger AS $$
BEGIN
  PERFORM podium_notify_access(jsonb_build_object('tokenId', OLD.id));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER api_token_revoked AFTER DELETE ON "api_token"
  FOR EACH ROW EXECUTE FUNCTION podium_token_revoked();
