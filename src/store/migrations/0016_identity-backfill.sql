-- The suggestion key of the email identities written before it existed: the same rule as
-- suggestionKey in src/domain/identity/normalize.ts (no +tag; at Gmail, no dots and one domain).
-- Every identity written since gets its key from that function.
UPDATE "customer_identities" SET "match_key" = CASE
  WHEN split_part("value", '@', 2) IN ('gmail.com', 'googlemail.com')
    THEN replace(split_part(split_part("value", '@', 1), '+', 1), '.', '') || '@gmail.com'
  ELSE split_part(split_part("value", '@', 1), '+', 1) || '@' || split_part("value", '@', 2)
END
WHERE "kind" = 'email' AND "match_key" IS NULL AND "value" LIKE '_%@_%' AND "value" NOT LIKE '%@%@%';
-- end hand-written
