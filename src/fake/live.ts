/**
 * The fake Gemini's Live API endpoint (`BidiGenerateContent` over WebSocket).
 * @module
 */

/** Answers a Live API WebSocket request. */
export function serveLive(_request: Request): Response {
  return new Response("Not Found", { status: 404 });
}
