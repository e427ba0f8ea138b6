// The tokens screen: the list (paged), making a token (its secret kept only on screen, once) and
// revoking one, with the list read back after each change.
import { useCallback, useState } from "react";
import { attemptKeys } from "../api/idempotency-key.ts";
import { createToken, listTokens, revokeToken } from "../api/tokens.ts";
import type { ApiToken, CreatedToken, NewToken } from "../api/types.ts";
import { type PagedList, usePagedList } from "./use-paged-list.ts";

export type TokensScreen = {
  list: PagedList<ApiToken>;
  /** The token just made, with its secret: shown until the screen is left or another is made. */
  created: CreatedToken | null;
  create: (token: NewToken) => Promise<void>;
  revoke: (id: string) => Promise<void>;
};

export function useTokens(): TokensScreen {
  const list = usePagedList("tokens", listTokens);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [keys] = useState(attemptKeys);
  const { reload } = list;

  const create = useCallback(
    async (token: NewToken) => {
      setCreated(null);
      setCreated(await createToken(token, keys.keyFor(token)));
      keys.done();
      reload();
    },
    [reload, keys],
  );

  const revoke = useCallback(
    async (id: string) => {
      await revokeToken(id);
      reload();
    },
    [reload],
  );

  return { list, created, create, revoke };
}
