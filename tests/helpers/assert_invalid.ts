/**
 * Assertions that a request translation rejected the client's input with a 400 naming a field.
 * @module
 */

import assert from "node:assert/strict";
import { GatewayError } from "../../src/core/errors.ts";

function check(error: unknown, param: string | null, message?: RegExp): true {
  assert.ok(error instanceof GatewayError, `expected an GatewayError, got ${error}`);
  assert.equal(error.status, 400);
  assert.equal(error.type, "invalid_request_error");
  assert.equal(error.param, param);
  if (message) assert.match(error.message, message);
  return true;
}

/** Asserts that `run` throws a 400 whose `param` is `param` (and message matches `message`). */
export function assertInvalid(run: () => unknown, param: string | null, message?: RegExp): void {
  assert.throws(run, (error) => check(error, param, message));
}

/** Asserts that `run` rejects with a 400 whose `param` is `param`. */
export async function assertRejectsInvalid(
  run: () => Promise<unknown>,
  param: string | null,
  message?: RegExp,
): Promise<void> {
  await assert.rejects(run, (error) => check(error, param, message));
}
