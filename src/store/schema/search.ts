// Full-text and fuzzy search columns: the tsvector type and the SQL functions (created by migration
// 0001) that fold accents and index French and English word forms together.
import { customType } from "drizzle-orm/pg-core";

/** A PostgreSQL tsvector, computed by the database (a generated column, or the search indexer). */
export const tsvector = customType<{ data: string; driverData: string }>({
  dataType: () => "tsvector",
});

/**
 * `rapport_search_vector(text)`: the French and the English stems of the unaccented text, one
 * vector; `rapport_search_query(text)`: a web-style query matched against it in both languages,
 * each French word with and without a final "e" (the stemmer reads "arrivée" and "arrivee" apart);
 * `rapport_fold(text)`: lower-case without accents, for the customers' search text.
 * All three are IMMUTABLE wrappers (unaccent() itself is only STABLE) so indexes may use them.
 */
export const searchFunctions = {
  vector: "rapport_search_vector",
  query: "rapport_search_query",
  fold: "rapport_fold",
} as const;
