/**
 * Starting the gateway without `--allow-read`, as the tests of its refusal do.
 * @module
 */

import assert from "node:assert/strict";

/**
 * Runs `script` (the gateway's `main.ts` or a built `main.js`) with net and env permissions only,
 * and checks that it exits with 1 and names the `--allow-read=<folder>` it needs.
 */
export async function assertRefusesWithoutRead(script: string, folder: string): Promise<void> {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-net", "--allow-env", script],
    env: { PORT: "0" },
    stdout: "null",
    stderr: "piped",
  }).output();
  assert.equal(code, 1);
  assert.match(
    new TextDecoder().decode(stderr),
    new RegExp(`--allow-read=${folder}, as \`deno task start\` does`),
  );
}
