// The workspace's brands, to filter the inbox and name a conversation's brand.
import { useCallback, useMemo } from "react";
import { listBrands } from "../api/brands.ts";
import type { Brand } from "../api/types.ts";
import { useAsync } from "./use-async.ts";

export type Brands = { list: Brand[]; byId: ReadonlyMap<string, Brand> };

export function useBrands(): Brands {
  const load = useCallback(async (signal: AbortSignal) => (await listBrands(signal)).items, []);
  const { state } = useAsync("brands", load);
  return useMemo(() => {
    // Without the list the inbox still works: it only loses the brand filter.
    const list = state.status === "ready" ? state.data : [];
    return { list, byId: new Map(list.map((brand) => [brand.id, brand])) };
  }, [state]);
}
