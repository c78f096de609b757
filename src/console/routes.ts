/**
 * The root route and the console's files: `GET /` and `HEAD /` answer by `Accept` (see
 * `negotiate.ts`), `GET /console/{file}` serves the page's scripts and styles.
 * @module
 */

import { GatewayError } from "../core/errors.ts";
import type { Context, ErrorRenderer, Route } from "../http/route.ts";
import type { ApiDescription } from "./apis.ts";
import type { Asset } from "./assets.ts";
import { describeService } from "./description.ts";
import { rootAnswer } from "./negotiate.ts";

/**
 * The page's Content-Security-Policy: scripts and styles from the gateway only (no inline
 * script, so nothing a model writes can run), images also from `data:`/`blob:` URLs
 * (attachments), connections to the gateway (its WebSocket included).
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Ollama's answer at its root, which Ollama clients probe for. */
export const OLLAMA_IS_RUNNING = "Ollama is running";

/** The page's files, imported on the first request for one. */
let assets: Promise<typeof import("./assets.ts")> | undefined;
const loadAssets = () => assets ??= import("./assets.ts");

function body(request: Request, text: string | null): string | null {
  return request.method === "HEAD" ? null : text;
}

/** An asset, or 304 when the client holds this version. */
function serveAsset(request: Request, asset: Asset, headers: HeadersInit = {}): Response {
  const common = new Headers(headers);
  common.set("etag", asset.etag);
  common.set("cache-control", "no-cache");
  common.set("x-content-type-options", "nosniff");
  const held = request.headers.get("if-none-match");
  if (held && held.split(",").some((tag) => tag.trim().replace(/^W\//, "") === asset.etag)) {
    return new Response(null, { status: 304, headers: common });
  }
  common.set("content-type", asset.contentType);
  return new Response(body(request, asset.body), { headers: common });
}

function root(apis: readonly ApiDescription[]) {
  return async (request: Request, { credentials }: Context): Promise<Response> => {
    const vary = { vary: "Accept" };
    switch (rootAnswer(request.headers.get("accept"))) {
      case "html":
        return serveAsset(request, (await loadAssets()).INDEX_HTML, {
          ...vary,
          "content-security-policy": CONSOLE_CSP,
          "referrer-policy": "no-referrer",
        });
      case "json": {
        const description = describeService(apis, {
          serverKeys: credentials.pool !== undefined,
          accessTokens: credentials.tokensRequired,
        });
        return new Response(body(request, JSON.stringify(description)), {
          headers: { ...vary, "content-type": "application/json", "cache-control": "no-store" },
        });
      }
      default:
        return new Response(body(request, OLLAMA_IS_RUNNING), {
          headers: { ...vary, "content-type": "text/plain; charset=utf-8" },
        });
    }
  };
}

async function consoleFile(request: Request, { params }: Context): Promise<Response> {
  const asset = (await loadAssets()).CONSOLE_ASSETS.get(params.file);
  if (!asset) {
    throw new GatewayError(
      404,
      `Unknown route: GET ${new URL(request.url).pathname}`,
      "invalid_request_error",
      null,
      "unknown_route",
    );
  }
  return serveAsset(request, asset);
}

/** The root route describing `apis`, and the console's files, answering errors with `errors`. */
export function consoleRoutes(apis: readonly ApiDescription[], errors: ErrorRenderer): Route[] {
  return [
    { path: "/", methods: { GET: root(apis) }, errors, public: true },
    { path: "/console/:file", methods: { GET: consoleFile }, errors, public: true },
  ];
}
