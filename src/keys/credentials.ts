/**
 * Whose Gemini key serves a request: an access token (or, with no tokens configured, no
 * credential at all) gets the server's key pool; any other credential is the client's own key,
 * passed through and never mixed with the pool.
 * @module
 */

import type { Config } from "../config.ts";
import { GatewayError } from "../core/errors.ts";
import { type KeySource, ownKey } from "../gemini/key_source.ts";
import { apiKeyOf, presentedKey } from "../http/auth.ts";
import { AccessTokens } from "./access_tokens.ts";
import { KeyPool, type KeyPoolOptions } from "./pool.ts";

/** The server's keys and tokens, and how a request's credential maps to a key source. */
export class Credentials {
  /** The server's keys; unset when it holds none. */
  readonly pool?: KeyPool;
  readonly #tokens: AccessTokens;

  constructor(
    config: Pick<Config, "geminiApiKeys" | "accessTokens">,
    options: KeyPoolOptions = {},
  ) {
    if (config.geminiApiKeys.length) this.pool = new KeyPool(config.geminiApiKeys, options);
    this.#tokens = new AccessTokens(config.accessTokens);
  }

  /** Whether access tokens are configured. */
  get tokensRequired(): boolean {
    return this.#tokens.enabled;
  }

  /**
   * The key source of `request`: the pool for an access token, or for no credential when no
   * tokens are configured; the client's own key otherwise.
   *
   * @throws {GatewayError} 401 without a credential, unless the pool serves everyone.
   */
  keySource(request: Request): KeySource {
    const source = this.#resolve(request);
    return typeof source === "string" ? ownKey(source) : source;
  }

  /** The key of a Live session: the client's own, or one leased from the pool. */
  liveKey(request: Request): string {
    const source = this.#resolve(request);
    return typeof source === "string" ? source : source.lease("");
  }

  /** Whether `request` presents one of the access tokens. */
  presentsToken(request: Request): boolean {
    const credential = presentedKey(request);
    return credential !== undefined && this.#tokens.matches(credential);
  }

  #resolve(request: Request): string | KeyPool {
    if (!this.pool) return apiKeyOf(request);
    const credential = presentedKey(request);
    if (credential === undefined) {
      if (!this.#tokens.enabled) return this.pool;
      throw new GatewayError(
        401,
        "This gateway needs an access token (or your own Gemini API key): send it as " +
          "'Authorization: Bearer YOUR_TOKEN' (or in an 'x-api-key' or 'x-goog-api-key' header).",
        "invalid_request_error",
        null,
        "missing_api_key",
      );
    }
    // A credential that is not a token is the client's own key, checked as any key is.
    return this.#tokens.matches(credential) ? this.pool : apiKeyOf(request);
  }
}
