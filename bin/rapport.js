#!/usr/bin/env node
// The `rapport` command: runs the server compiled at install when it is as new as the sources, else
// the TypeScript sources themselves through tsx, so no build step is ever needed.
import { freshBundle } from "../scripts/server-bundle.js";

const bundle = freshBundle();
if (bundle) {
  await import(bundle);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
