-- Search results show their matching words: ts_headline needs a text search configuration that
-- reads words as the search vectors do, accents folded (unaccent as a filtering dictionary before
-- the French stemmer), while the text it cuts keeps its accents.
CREATE TEXT SEARCH CONFIGURATION rapport_headline (COPY = pg_catalog.french);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION rapport_headline
  ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, french_stem;--> statement-breakpoint
-- end hand-written
CREATE INDEX "customers_advisor_created" ON "customers" USING btree ("workspace_id","advisor_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "customers_organisation_created" ON "customers" USING btree ("workspace_id","organisation_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);