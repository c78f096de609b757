/**
 * The gateway's Live API endpoint: a client's WebSocket under `/ws` piped straight through to
 * Gemini's `BidiGenerateContent`.
 * @module
 */

import type { Config } from "../config.ts";
import { GatewayError, invalidRequest } from "../core/errors.ts";
import { apiKeyOf } from "../http/auth.ts";
import { openaiErrorResponse } from "../openai/errors.ts";
import { type RelayLimits, relayLive } from "./relay.ts";
import { resolveSetupModel } from "./setup_model.ts";
import { liveUpstream } from "./upstream_url.ts";

/** Bounds on a proxied Live session. */
export interface LiveLimits extends RelayLimits {
  /** Seconds the client may leave a keep-alive ping unanswered before it is dropped. */
  idleTimeoutSeconds: number;
}

/** The limits {@linkcode proxyLive} applies unless given others. */
export const LIVE_LIMITS: LiveLimits = {
  maxBufferedBytes: 16 * 1024 * 1024,
  connectTimeoutMs: 30_000,
  idleTimeoutSeconds: 30,
};

/**
 * Upgrades `request` to a WebSocket relayed to Gemini's Live API at `config.geminiBaseUrl`,
 * forwarding the requested subprotocols and the key `keyOf` finds for the request (by default
 * the client's own).
 *
 * Answers an OpenAI error instead: 400 for a path that is not a Live method, 401 without a
 * credential, 426 for a request that is not a WebSocket upgrade.
 */
export function proxyLive(
  request: Request,
  config: Config,
  limits: LiveLimits = LIVE_LIMITS,
  keyOf: (request: Request) => string = apiKeyOf,
): Response {
  try {
    const { url, headers, secret } = liveUpstream(request, config.geminiBaseUrl, keyOf);
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      throw new GatewayError(
        426,
        "The Live API speaks WebSocket: connect with a WebSocket client.",
        "invalid_request_error",
        null,
        null,
        { upgrade: "websocket" },
      );
    }
    const protocols = [
      ...new Set(
        request.headers.get("sec-websocket-protocol")?.split(",").map((name) => name.trim())
          .filter(Boolean),
      ),
    ];
    const upstream = connect(url, protocols, headers);
    let upgraded: Deno.WebSocketUpgrade;
    try {
      upgraded = upgrade(request, protocols[0], limits.idleTimeoutSeconds);
    } catch (error) {
      upstream.close();
      throw error;
    }
    relayLive(
      upgraded.socket,
      upstream,
      limits,
      secret,
      (frame) => resolveSetupModel(frame, config.modelAliases),
    );
    return upgraded.response;
  } catch (error) {
    return openaiErrorResponse(error);
  }
}

/** Starts connecting to Gemini; subprotocol names that are not valid tokens are a 400. */
function connect(url: URL, protocols: string[], headers: Record<string, string>): WebSocket {
  try {
    return new WebSocket(url, { protocols, headers });
  } catch (error) {
    throw invalidRequest(`Invalid WebSocket subprotocols: ${(error as Error).message}`);
  }
}

function upgrade(
  request: Request,
  protocol: string | undefined,
  idleTimeout: number,
): Deno.WebSocketUpgrade {
  try {
    return Deno.upgradeWebSocket(request, { protocol, idleTimeout });
  } catch (error) {
    throw invalidRequest(`Invalid WebSocket upgrade request: ${(error as Error).message}`);
  }
}
