/**
 * Where the Gemini client gets the API key of each call: the client's own key, or the server's
 * key pool, which may retry a failed call with another key.
 * @module
 */

/** Supplies the key of each Gemini call. */
export interface KeySource {
  /**
   * Runs `attempt` with a key for `model` (a model id, or `""` for calls about no model) and
   * settles as it does; a source may run it again with another key when a failure says another
   * key could do better, and may fail without running it when it has no key to give.
   */
  use<T>(model: string, attempt: (key: string) => Promise<T>): Promise<T>;
}

/** A source that always gives `key` and never retries: a client's own key. */
export function ownKey(key: string): KeySource {
  return { use: (_model, attempt) => attempt(key) };
}
