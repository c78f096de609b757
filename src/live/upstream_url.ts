/**
 * Where a Live API connection goes: the client's path and credential mapped to Gemini's
 * `BidiGenerateContent` WebSocket URL.
 *
 * The credential travels upstream in a handshake header, never in the URL: `x-goog-api-key` for
 * an API key, `Authorization: Token …` for an ephemeral `auth_tokens/…` token.
 * @module
 */

import { invalidRequest } from "../core/errors.ts";
import { apiKeyOf } from "../http/auth.ts";
import { routedPath } from "../http/path.ts";

/** Gemini's Live endpoint, the handshake headers, and the secret they carry. */
export interface LiveUpstream {
  url: URL;
  headers: Record<string, string>;
  /** The credential, kept out of logs and close reasons. */
  secret: string;
}

const SERVICE = "/ws/google.ai.generativelanguage";
const METHOD_PATH =
  /^\/ws\/google\.ai\.generativelanguage\.v1(alpha|beta)?\.GenerativeService\.BidiGenerateContent(Constrained)?$/;

/**
 * Maps `request` (a path under `/ws`, repeated slashes allowed) to Gemini's Live URL under
 * `geminiBaseUrl`. `/ws` alone means v1beta `BidiGenerateContent`, or v1alpha
 * `BidiGenerateContentConstrained` for an ephemeral token. An API key is the one `keyOf` finds
 * for the request (by default the client's own).
 *
 * @throws {GatewayError} 400 for a path that is not a Live method, 401 without a credential.
 */
export function liveUpstream(
  request: Request,
  geminiBaseUrl: string,
  keyOf: (request: Request) => string = apiKeyOf,
): LiveUpstream {
  const url = new URL(request.url);
  const path = routedPath(url.pathname);
  if (path !== "/ws" && !METHOD_PATH.test(path)) {
    throw invalidRequest(
      "The Live API is served at /ws and /ws/google.ai.generativelanguage.{v1|v1alpha|v1beta}" +
        ".GenerativeService.BidiGenerateContent[Constrained].",
    );
  }
  const credential = readCredential(request, url, keyOf);
  const method = path !== "/ws"
    ? path
    : credential.ephemeral
    ? `${SERVICE}.v1alpha.GenerativeService.BidiGenerateContentConstrained`
    : `${SERVICE}.v1beta.GenerativeService.BidiGenerateContent`;
  const upstream = new URL(geminiBaseUrl.replace(/^http/, "ws").replace(/\/+$/, "") + method);
  for (const [name, value] of url.searchParams) {
    if (name !== "key" && name !== "access_token") upstream.searchParams.append(name, value);
  }
  const headers: Record<string, string> = credential.ephemeral
    ? { authorization: `Token ${credential.value}` }
    : { "x-goog-api-key": credential.value };
  return { url: upstream, headers, secret: credential.value };
}

/** An ephemeral token (`?access_token=`, `Authorization: Token …`), else the API key. */
function readCredential(
  request: Request,
  url: URL,
  keyOf: (request: Request) => string,
): { value: string; ephemeral: boolean } {
  const token = url.searchParams.get("access_token") ||
    request.headers.get("authorization")?.match(/^Token\s+(\S+)/i)?.[1];
  if (token) return { value: token, ephemeral: true };
  const key = keyOf(request);
  return { value: key, ephemeral: key.startsWith("auth_tokens/") };
}
