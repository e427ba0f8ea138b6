// What the widget needs of the realtime hub (src/realtime/hub.ts): the events of a workspace as they
// commit on any node, and the advisors with an open console.
export type LiveEvent = { conversationId?: string | null };

export type WidgetLive = {
  /**
   * Calls `listener` for each event of the workspace; returns the unsubscribe, whose `ready`
   * settles once every event committed from then on will be heard.
   */
  subscribe(
    workspaceId: string,
    listener: (event: LiveEvent) => void,
  ): (() => void) & { ready: Promise<void> };
  /** Advisors with an open console, by user id. */
  online(workspaceId: string): ReadonlyMap<string, Date>;
};
