// The workspace's brands, to filter the inbox by brand and name a conversation's brand.
import { api } from "./client.ts";
import type { Brand, Page } from "./types.ts";

export function listBrands(signal?: AbortSignal): Promise<Page<Brand>> {
  return api("GET", "/api/v1/brands?limit=100", { signal });
}
