/**
 * How request paths are read: the same route however clients spell it.
 * @module
 */

/**
 * A request path as routed: repeated and trailing slashes dropped, and the optional `/v1`
 * prefix removed (`//v1//models/` → `/models`).
 */
export function routedPath(pathname: string): string {
  const collapsed = pathname.replace(/\/{2,}/g, "/").replace(/(.)\/$/, "$1");
  return collapsed.replace(/^\/v1(?=\/|$)/, "") || "/";
}
