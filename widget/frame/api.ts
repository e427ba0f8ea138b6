// The widget's calls to its desk (same origin as the frame): the visitor's signed id is kept in the
// frame's storage and sent with each call; a refused one is replaced by a new one.
export type Config = {
  brand: string;
  language: "fr" | "en";
  promise: string | null;
  online: boolean;
  why_offline: "closed" | "nobody_online" | null;
};

export type ChatMessage = {
  id: string;
  from: "visitor" | "advisor";
  author_name: string;
  body: string;
  created_at: string;
};

export class WidgetCallError extends Error {
  constructor(
    readonly status: number,
    readonly field: string | null,
  ) {
    super(`the desk answered ${status}`);
  }
}

export function widgetApi(slug: string) {
  const base = `/api/v1/widget/${encodeURIComponent(slug)}`;
  const storageKey = `rapport-widget:${slug}`;
  const stored = () => {
    try {
      return localStorage.getItem(storageKey);
    } catch {
      return null;
    }
  };
  let visitor = stored();

  const call = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (visitor) headers.set("rapport-visitor", visitor);
    const answer = await fetch(`${base}${path}`, { ...init, headers });
    if (!answer.ok) {
      const problem = (await answer.json().catch(() => null)) as {
        problems?: Array<{ field?: string }>;
      } | null;
      throw new WidgetCallError(answer.status, problem?.problems?.[0]?.field ?? null);
    }
    return answer.json();
  };

  const newVisitor = async () => {
    const answer = (await call("/visitors", {
      method: "POST",
      headers: { "idempotency-key": crypto.randomUUID() },
    })) as { visitor: string };
    visitor = answer.visitor;
    try {
      localStorage.setItem(storageKey, visitor);
    } catch {
      // Storage refused (private mode): the visitor keeps their id for this page only.
    }
    return visitor;
  };

  return {
    hasVisitor: () => visitor !== null,
    visitor: () => visitor,
    config: (lang: string) => call(`/config?lang=${encodeURIComponent(lang)}`) as Promise<Config>,
    async messages(): Promise<{ conversation_id: string | null; items: ChatMessage[] }> {
      if (!visitor) return { conversation_id: null, items: [] };
      try {
        return await call("/messages");
      } catch (error) {
        // An id this desk does not know any more (another desk, a new secret): start afresh.
        if (error instanceof WidgetCallError && error.status === 401) {
          visitor = null;
          return { conversation_id: null, items: [] };
        }
        throw error;
      }
    },
    async send(message: { body: string; email?: string }, key: string) {
      if (!visitor) await newVisitor();
      return (await call("/messages", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify(message),
      })) as { message_id: string; conversation_id: string };
    },
    streamUrl: (after: string | null) =>
      `${base}/stream?visitor=${encodeURIComponent(visitor ?? "")}${after ? `&after=${after}` : ""}`,
  };
}

export type WidgetApi = ReturnType<typeof widgetApi>;
