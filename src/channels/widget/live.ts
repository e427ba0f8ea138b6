// What the widget needs of the realtime hub: the events of a workspace as they commit (any node),
// and the advisors with an open console.
export type LiveEvent = { conversationId?: string | null };

export type WidgetLive = {
  /** Calls `listener` for each event of the workspace; returns the unsubscribe. */
  subscribe(workspaceId: string, listener: (event: LiveEvent) => void): () => void;
  /** Advisors with an open console, by user id. */
  online(workspaceId: string): ReadonlyMap<string, Date>;
};
