-- Important dates name their kind (CONTRACT §8: {kind, date}); they were labelled before.
UPDATE "customers" SET "important_dates" = (
  SELECT coalesce(jsonb_agg(jsonb_build_object('kind', coalesce(d->>'kind', d->>'label'), 'date', d->>'date') ORDER BY n), '[]'::jsonb)
  FROM jsonb_array_elements("important_dates") WITH ORDINALITY AS e(d, n)
) WHERE "important_dates" <> '[]'::jsonb;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "contact_times" text DEFAULT '' NOT NULL;