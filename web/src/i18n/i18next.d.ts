// Types every translation key against the English catalogue, so a typo fails the type check.
import "i18next";
import type { resources } from "./i18n.ts";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: (typeof resources)["en"];
  }
}
