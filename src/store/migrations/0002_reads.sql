-- hand-written: reads
-- Customer search reads one column, customers.search_text: the folded name, then each identity's
-- folded value on a line of its own. The database keeps it, whoever writes: a customer's insert or
-- rename sets it (BEFORE trigger); a statement that adds, moves, changes or removes identities
-- refreshes the customers it touched once (statement triggers with transition tables, so the
-- intake's batch of new customers costs one UPDATE). The backfill of existing rows is at the end
-- of this file, once the column exists.
CREATE OR REPLACE FUNCTION rapport_customer_search_text(workspace uuid, customer uuid, customer_name text)
  RETURNS text LANGUAGE sql STABLE PARALLEL SAFE
  RETURN rapport_fold(customer_name) || coalesce((
    SELECT string_agg(E'\n' || rapport_fold(i.value), '' ORDER BY i.created_at, i.id)
    FROM public.customer_identities i WHERE i.workspace_id = workspace AND i.customer_id = customer), '');--> statement-breakpoint
CREATE OR REPLACE FUNCTION rapport_customers_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A new customer has no identity yet (they reference it).
  NEW.search_text := CASE TG_OP WHEN 'INSERT' THEN rapport_fold(NEW.name)
    ELSE rapport_customer_search_text(NEW.workspace_id, NEW.id, NEW.name) END;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER customers_search_text BEFORE INSERT OR UPDATE OF name ON customers
  FOR EACH ROW EXECUTE FUNCTION rapport_customers_search_text();--> statement-breakpoint
CREATE OR REPLACE FUNCTION rapport_identities_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch names only the transition tables its event has.
  IF TG_OP = 'INSERT' THEN
    UPDATE customers c SET search_text = rapport_customer_search_text(c.workspace_id, c.id, c.name)
    FROM (SELECT DISTINCT workspace_id, customer_id FROM added) t
    WHERE c.workspace_id = t.workspace_id AND c.id = t.customer_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE customers c SET search_text = rapport_customer_search_text(c.workspace_id, c.id, c.name)
    FROM (SELECT DISTINCT workspace_id, customer_id FROM removed) t
    WHERE c.workspace_id = t.workspace_id AND c.id = t.customer_id;
  ELSE
    UPDATE customers c SET search_text = rapport_customer_search_text(c.workspace_id, c.id, c.name)
    FROM (SELECT workspace_id, customer_id FROM added UNION SELECT workspace_id, customer_id FROM removed) t
    WHERE c.workspace_id = t.workspace_id AND c.id = t.customer_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER customer_identities_search_text_insert AFTER INSERT ON customer_identities
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_identities_search_text();--> statement-breakpoint
CREATE TRIGGER customer_identities_search_text_update AFTER UPDATE ON customer_identities
  REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_identities_search_text();--> statement-breakpoint
CREATE TRIGGER customer_identities_search_text_delete AFTER DELETE ON customer_identities
  REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION rapport_identities_search_text();--> statement-breakpoint
-- French word forms: the stemmer reads "arrivée" as "arriv" but its unaccented "arrivee" as "arrive",
-- and bodies are indexed unaccented. Rather than index every body twice, a French query asks for
-- both forms of each word, with and without a final "e" ("arrivé", "arrivée" and "arrivee" then
-- find each other). The vector and its index are unchanged.
CREATE OR REPLACE FUNCTION rapport_search_query(text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN (SELECT regexp_replace(websearch_to_tsquery('pg_catalog.french'::regconfig, t)::text,
            '''([^'']*[^''e])e?''', '(''\1'' | ''\1e'')', 'g')::tsquery
          || websearch_to_tsquery('pg_catalog.english'::regconfig, t)
          FROM public.unaccent('public.unaccent'::regdictionary, $1) AS t);--> statement-breakpoint
-- end hand-written
DROP INDEX "customer_identities_value_trigram";--> statement-breakpoint
DROP INDEX "customers_name_trigram";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "customers_search_trigram" ON "customers" USING gin (search_text gin_trgm_ops);--> statement-breakpoint
-- hand-written: reads (backfill, after the column above exists)
UPDATE customers c SET search_text = rapport_customer_search_text(c.workspace_id, c.id, c.name);
-- end hand-written
