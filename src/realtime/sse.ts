// The text of Server-Sent Events (HTML Living Standard, "Server-sent events"): each field on its own
// line, an empty line ends an event; a line starting with ":" is a comment the client ignores.

export type SseEvent = { id?: string; event: string; data: unknown };

/** One event; the data is JSON, which never holds a raw line break, so it is one `data:` line. */
export function sseEvent(e: SseEvent): string {
  const id = e.id === undefined ? "" : `id: ${oneLine(e.id)}\n`;
  return `${id}event: ${oneLine(e.event)}\ndata: ${JSON.stringify(e.data)}\n\n`;
}

/** How long the client waits before reconnecting after the stream ends. */
export const sseRetry = (ms: number) => `retry: ${Math.round(ms)}\n\n`;

/** A comment that keeps proxies and the client's idle timers from closing a quiet stream. */
export const sseComment = (text: string) => `: ${oneLine(text)}\n\n`;

const oneLine = (text: string) => text.replace(/[\r\n]/g, " ");
