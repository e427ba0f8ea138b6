// drizzle-kit: generates the append-only SQL migrations from the schema (it requires a default export).
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/store/schema/index.ts",
  out: "./src/store/migrations",
});
