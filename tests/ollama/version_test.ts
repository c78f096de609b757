import assert from "node:assert/strict";
import { OLLAMA_VERSION } from "../../src/ollama/version.ts";
import { startGateway } from "../helpers/harness.ts";

Deno.test("GET /api/version needs no key and reports a version clients accept", async () => {
  await using gw = await startGateway();
  const response = await fetch(`${gw.url}/api/version`);
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { version: OLLAMA_VERSION });
  const numbers = OLLAMA_VERSION.split(".").map(Number);
  assert.equal(numbers.length, 3);
  assert.ok(numbers.every(Number.isInteger), "Open WebUI reads it as numbers");
  assert.ok(numbers[0] > 0 || numbers[1] > 6 || (numbers[1] === 6 && numbers[2] >= 4));
  assert.equal(gw.fake.requests.length, 0);
});
