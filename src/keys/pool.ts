/**
 * The server's Gemini keys: requests spread over them in turn, a key cooled down for a model
 * when Gemini says its quota for that model ran out, a key Gemini refuses taken out, and a
 * failed call retried at once on the next usable key.
 *
 * State lives in memory, per isolate. Keys never leave this module except in the
 * `x-goog-api-key` header of a call: logs and {@linkcode KeyPool.status} name a key by its
 * fingerprint.
 * @module
 */

import { GatewayError } from "../core/errors.ts";
import type { GeminiFailure } from "../core/gemini_failure.ts";
import type { KeySource } from "../gemini/key_source.ts";
import { nextPacificMidnight } from "./pacific_midnight.ts";

/** How long a key cools after a per-minute 429 without `RetryInfo`. */
export const DEFAULT_COOLDOWN_MS = 60_000;

/** What an operator may see of one key. */
export interface KeyStatus {
  /** The first 8 hex digits of the key's SHA-256. */
  fingerprint: string;
  /** `cooling`: over quota for at least one model; `rejected`: refused by Gemini, out for good. */
  state: "usable" | "cooling" | "rejected";
  /** Until when (ISO 8601) the key is cooling, by model (`""`: calls about no model). */
  cooling_until: Record<string, string>;
  /** Calls made with the key. */
  requests: number;
  /** 429s Gemini answered them with. */
  rate_limited: number;
  /** Why Gemini refused the key (e.g. `API_KEY_INVALID`), when it did. */
  rejected_reason?: string;
}

/** Settings of a {@linkcode KeyPool}; tests replace the clock and the log. */
export interface KeyPoolOptions {
  /** Current time in epoch milliseconds. */
  now?: () => number;
  /** Where the pool reports keys it takes out (by fingerprint). */
  warn?: (message: string) => void;
}

interface KeyState {
  key: string;
  fingerprint: Promise<string>;
  /** Model → epoch milliseconds until which the key is not used for it. */
  cooling: Map<string, number>;
  rejected?: string;
  requests: number;
  rateLimited: number;
}

/** The first 8 hex digits of the SHA-256 of `key`. */
export async function fingerprint(key: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key));
  return [...new Uint8Array(digest, 0, 4)].map((byte) => byte.toString(16).padStart(2, "0"))
    .join("");
}

/** A pool of server-held Gemini keys, used as the {@linkcode KeySource} of pooled requests. */
export class KeyPool implements KeySource {
  readonly #keys: KeyState[];
  readonly #now: () => number;
  readonly #warn: (message: string) => void;
  #next = 0;

  /** A pool of `keys` (at least one, duplicates ignored). */
  constructor(keys: string[], options: KeyPoolOptions = {}) {
    this.#keys = [...new Set(keys)].map((key) => ({
      key,
      fingerprint: fingerprint(key),
      cooling: new Map(),
      requests: 0,
      rateLimited: 0,
    }));
    if (this.#keys.length === 0) throw new Error("A key pool needs at least one key.");
    this.#now = options.now ?? Date.now;
    this.#warn = options.warn ?? console.warn;
  }

  /**
   * Runs `attempt` with the next usable key for `model`. On a 429 the key cools for that model
   * (for `RetryInfo`'s delay, or {@linkcode DEFAULT_COOLDOWN_MS}, on a per-minute quota; until
   * midnight Pacific time on a per-day one) and the call is retried on the next usable key; a key
   * Gemini refuses is taken out and the call retried; a 500 or 503 is retried once on another
   * key. Any other failure is the caller's.
   *
   * @throws {GatewayError} 429 with `Retry-After` when every key is cooling for `model`; 503
   * when Gemini has refused every key.
   */
  async use<T>(model: string, attempt: (key: string) => Promise<T>): Promise<T> {
    const tried = new Set<KeyState>();
    let retriedUnavailable = false;
    let lastError: unknown;
    for (;;) {
      const state = this.#pick(model, tried);
      if (!state) throw this.#exhausted(model, lastError);
      tried.add(state);
      state.requests++;
      try {
        return await attempt(state.key);
      } catch (error) {
        const failure = error instanceof GatewayError ? error.failure : undefined;
        if (!failure || !this.#recover(state, model, failure)) throw error;
        if (failure.kind === "unavailable") {
          if (retriedUnavailable) throw error;
          retriedUnavailable = true;
        }
        lastError = error;
      }
    }
  }

  /**
   * The next usable key for `model`, for a connection that keeps it (a Live session), counted
   * as one request.
   *
   * @throws {GatewayError} as {@linkcode use} does when no key is usable.
   */
  lease(model: string): string {
    const state = this.#pick(model, new Set());
    if (!state) throw this.#exhausted(model, undefined);
    state.requests++;
    return state.key;
  }

  /** Each key's state, by fingerprint, in the order the keys were given. */
  async status(): Promise<KeyStatus[]> {
    const now = this.#now();
    return await Promise.all(this.#keys.map(async (state) => {
      const cooling = Object.fromEntries(
        [...state.cooling].filter(([, until]) => until > now)
          .map(([model, until]) => [model, new Date(until).toISOString()]),
      );
      const status: KeyStatus = {
        fingerprint: await state.fingerprint,
        state: state.rejected ? "rejected" : Object.keys(cooling).length ? "cooling" : "usable",
        cooling_until: cooling,
        requests: state.requests,
        rate_limited: state.rateLimited,
      };
      if (state.rejected) status.rejected_reason = state.rejected;
      return status;
    }));
  }

  /** The next key in turn that is not refused, not cooling for `model` and not in `skip`. */
  #pick(model: string, skip: Set<KeyState>): KeyState | undefined {
    const now = this.#now();
    for (let step = 0; step < this.#keys.length; step++) {
      const index = (this.#next + step) % this.#keys.length;
      const state = this.#keys[index];
      if (state.rejected || skip.has(state) || (state.cooling.get(model) ?? 0) > now) continue;
      this.#next = (index + 1) % this.#keys.length;
      return state;
    }
    return undefined;
  }

  /** Records what `failure` says about the key; whether another key may do better. */
  #recover(state: KeyState, model: string, failure: GeminiFailure): boolean {
    switch (failure.kind) {
      case "quota": {
        state.rateLimited++;
        const now = this.#now();
        const until = failure.period === "day"
          ? nextPacificMidnight(now)
          : now + (failure.retryDelayMs ?? DEFAULT_COOLDOWN_MS);
        state.cooling.set(model, Math.max(until, state.cooling.get(model) ?? 0));
        return true;
      }
      case "key":
        if (!state.rejected) {
          state.rejected = failure.reason;
          const left = this.#keys.filter((other) => !other.rejected).length;
          state.fingerprint.then((name) =>
            this.#warn(
              `Gemini refused server key ${name} (${failure.reason}); it is out of the pool, ` +
                `${left} of ${this.#keys.length} left.`,
            )
          );
        }
        return true;
      case "unavailable":
        return true;
      default:
        return false;
    }
  }

  /** The error when no key is left to try for `model`. */
  #exhausted(model: string, lastError: unknown): unknown {
    const now = this.#now();
    const live = this.#keys.filter((state) => !state.rejected);
    if (live.length === 0) {
      return new GatewayError(
        503,
        "Gemini refused every key this gateway holds; its operator has to replace them.",
        "api_error",
        null,
        "server_keys_rejected",
      );
    }
    const recoveries = live.map((state) => state.cooling.get(model) ?? 0);
    if (recoveries.every((until) => until > now)) {
      const seconds = Math.max(1, Math.ceil((Math.min(...recoveries) - now) / 1000));
      return new GatewayError(
        429,
        `Every Gemini key of this gateway is over its quota${model ? ` for ${model}` : ""}; ` +
          `retry in ${seconds} s.`,
        "rate_limit_error",
        null,
        "rate_limit_exceeded",
        { "retry-after": String(seconds) },
      );
    }
    return lastError;
  }
}
