-- continuity_answers holds each human answer (CONTRACT §6: outbound, by a person, not automated, not
-- failed or bounced) with its conversation's team, spam flag and customer, and that customer's
-- advisor and backup as they are now. These triggers keep it so whoever writes; a restore (replica
-- role) fires none of them and brings the table back as it was. (A customer's advisor or backup
-- changed while an answer to them is being stored is not waited for: that answer keeps the ones it
-- read until the next change of that customer.)
CREATE OR REPLACE FUNCTION rapport_continuity_answers_of(added_rows jsonb) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO public.continuity_answers (workspace_id, id, conversation_id, customer_id, answered_at,
    author_user_id, team_id, spam, advisor_id, backup_id)
  SELECT m.workspace_id, m.id, c.id, c.customer_id, m.created_at, m.author_user_id, c.team_id,
         c.spam, cu.advisor_id, cu.backup_id
  FROM jsonb_to_recordset(added_rows) AS r(workspace_id uuid, id uuid)
  JOIN public.messages m ON m.workspace_id = r.workspace_id AND m.id = r.id
  JOIN public.conversations c ON c.workspace_id = m.workspace_id AND c.id = m.conversation_id
  JOIN public.customers cu ON cu.workspace_id = c.workspace_id AND cu.id = c.customer_id
  WHERE m.direction = 'outbound' AND m.author_kind = 'user' AND m.author_user_id IS NOT NULL
    AND NOT m.automated AND (m.delivery IS NULL OR m.delivery NOT IN ('failed', 'bounced'))
  -- A change of the conversation's team, spam flag or customer (a merge) waits for this answer's
  -- commit, or this answer for the change's: either way the change's trigger or this read sees it.
  FOR SHARE OF c
  ON CONFLICT (workspace_id, id) DO NOTHING;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION rapport_continuity_messages_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rapport_continuity_answers_of(
    (SELECT jsonb_agg(jsonb_build_object('workspace_id', a.workspace_id, 'id', a.id))
     FROM added a WHERE a.direction = 'outbound' AND a.author_kind = 'user'));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER messages_continuity_insert AFTER INSERT ON messages
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_continuity_messages_added();--> statement-breakpoint
CREATE OR REPLACE FUNCTION rapport_continuity_message_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM public.continuity_answers WHERE workspace_id = OLD.workspace_id AND id = OLD.id;
  PERFORM rapport_continuity_answers_of(
    jsonb_build_array(jsonb_build_object('workspace_id', NEW.workspace_id, 'id', NEW.id)));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER messages_continuity_update
  AFTER UPDATE OF conversation_id, direction, author_kind, author_user_id, automated, delivery, created_at
  ON messages FOR EACH ROW
  WHEN (OLD.conversation_id IS DISTINCT FROM NEW.conversation_id
     OR OLD.direction IS DISTINCT FROM NEW.direction
     OR OLD.author_kind IS DISTINCT FROM NEW.author_kind
     OR OLD.author_user_id IS DISTINCT FROM NEW.author_user_id
     OR OLD.automated IS DISTINCT FROM NEW.automated
     OR OLD.created_at IS DISTINCT FROM NEW.created_at
     OR coalesce(OLD.delivery IN ('failed', 'bounced'), false)
        IS DISTINCT FROM coalesce(NEW.delivery IN ('failed', 'bounced'), false))
  EXECUTE FUNCTION rapport_continuity_message_changed();--> statement-breakpoint
CREATE OR REPLACE FUNCTION rapport_continuity_conversation_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.continuity_answers a
  SET team_id = NEW.team_id, spam = NEW.spam, customer_id = NEW.customer_id,
      advisor_id = cu.advisor_id, backup_id = cu.backup_id
  FROM public.customers cu
  WHERE cu.workspace_id = NEW.workspace_id AND cu.id = NEW.customer_id
    AND a.workspace_id = NEW.workspace_id AND a.conversation_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER conversations_continuity AFTER UPDATE OF team_id, spam, customer_id ON conversations
  FOR EACH ROW
  WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id OR OLD.spam IS DISTINCT FROM NEW.spam
     OR OLD.customer_id IS DISTINCT FROM NEW.customer_id)
  EXECUTE FUNCTION rapport_continuity_conversation_changed();--> statement-breakpoint
CREATE OR REPLACE FUNCTION rapport_continuity_customer_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.continuity_answers SET advisor_id = NEW.advisor_id, backup_id = NEW.backup_id
  WHERE workspace_id = NEW.workspace_id AND customer_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER customers_continuity AFTER UPDATE OF advisor_id, backup_id ON customers
  FOR EACH ROW
  WHEN (OLD.advisor_id IS DISTINCT FROM NEW.advisor_id OR OLD.backup_id IS DISTINCT FROM NEW.backup_id)
  EXECUTE FUNCTION rapport_continuity_customer_changed();--> statement-breakpoint
-- The answers written before the table existed.
INSERT INTO continuity_answers (workspace_id, id, conversation_id, customer_id, answered_at,
  author_user_id, team_id, spam, advisor_id, backup_id)
SELECT m.workspace_id, m.id, c.id, c.customer_id, m.created_at, m.author_user_id, c.team_id, c.spam,
       cu.advisor_id, cu.backup_id
FROM messages m
JOIN conversations c ON c.workspace_id = m.workspace_id AND c.id = m.conversation_id
JOIN customers cu ON cu.workspace_id = c.workspace_id AND cu.id = c.customer_id
WHERE m.direction = 'outbound' AND m.author_kind = 'user' AND m.author_user_id IS NOT NULL
  AND NOT m.automated AND (m.delivery IS NULL OR m.delivery NOT IN ('failed', 'bounced'));
