/**
 * Server-sent events framing, for the dialects that stream them.
 * @module
 */

/** The `content-type` of an event stream. */
export const SSE_CONTENT_TYPE = "text/event-stream; charset=utf-8";

/** A comment line that keeps a silent connection open. */
export const SSE_KEEP_ALIVE = ": keep-alive\n\n";

/** One event of JSON `data`, named by `event` when given. */
export function sseEvent(data: unknown, event?: string): string {
  const json = `data: ${JSON.stringify(data)}\n\n`;
  return event ? `event: ${event}\n${json}` : json;
}
