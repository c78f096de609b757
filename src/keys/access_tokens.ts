/**
 * The gateway's access tokens: what a client presents to be served with the server's keys.
 * @module
 */

const encoder = new TextEncoder();

/**
 * Whether `a` equals `b`, in a time that depends only on the length of `a` (the presented
 * value), not on where they differ nor on the length of `b`.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let index = 0; index < a.length; index++) {
    difference |= a[index] ^ (b.length ? b[index % b.length] : 0);
  }
  return difference === 0;
}

/** A set of access tokens, matched in constant time. */
export class AccessTokens {
  readonly #tokens: Uint8Array[];

  constructor(tokens: string[]) {
    this.#tokens = tokens.map((token) => encoder.encode(token));
  }

  /** Whether any tokens are configured. */
  get enabled(): boolean {
    return this.#tokens.length > 0;
  }

  /** Whether `credential` is one of the tokens; every token is compared, whatever matches. */
  matches(credential: string): boolean {
    const presented = encoder.encode(credential);
    let matched = false;
    for (const token of this.#tokens) matched = constantTimeEqual(presented, token) || matched;
    return matched;
  }
}
