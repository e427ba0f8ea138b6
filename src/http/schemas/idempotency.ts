// The Idempotency-Key header every POST that creates something accepts: the same key and body
// within 24 h answer 200 with the first answer; the same key with another body is a 422.
import { z } from "zod";

export const idempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe("replays the first answer for 24 h; scoped to the session or token"),
});
