/**
 * CORS for browser clients: preflights answered before auth, every response readable cross-origin.
 * @module
 */

/** Answers a CORS preflight, allowing whatever headers the browser asked for. */
export function preflight(request: Request): Response {
  const headers = new Headers({
    "access-control-allow-methods": "GET, POST, OPTIONS",
    "access-control-max-age": "86400",
  });
  const requested = request.headers.get("access-control-request-headers");
  if (requested) headers.set("access-control-allow-headers", requested);
  return withCors(new Response(null, { status: 204, headers }));
}

/** Adds the CORS headers every response carries. */
export function withCors(response: Response): Response {
  response.headers.set("access-control-allow-origin", "*");
  response.headers.set("access-control-expose-headers", "*");
  return response;
}
