import assert from "node:assert/strict";
import { fingerprint } from "../../src/keys/pool.ts";
import { assertSchema } from "../helpers/openapi.ts";
import { startGateway } from "../helpers/harness.ts";

const TOKEN = "ops-token-abcdef";

Deno.test("GET /v1/gateway/keys lists the keys by fingerprint, for an access token only", async () => {
  await using gateway = await startGateway({
    GEMINI_API_KEYS: "good-one\ngood-two",
    ACCESS_TOKENS: `other-token,${TOKEN}`,
  });
  const response = await gateway.request("/v1/gateway/keys", {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const text = await response.text();
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("cache-control"), "no-store");
  assert.deepEqual(JSON.parse(text), {
    object: "list",
    data: [
      {
        fingerprint: await fingerprint("good-one"),
        state: "usable",
        cooling_until: {},
        requests: 0,
        rate_limited: 0,
      },
      {
        fingerprint: await fingerprint("good-two"),
        state: "usable",
        cooling_until: {},
        requests: 0,
        rate_limited: 0,
      },
    ],
  });
  assert.ok(!/good-one|good-two|token/.test(text));

  for (const authorization of ["Bearer not-the-token", "Bearer good-one", ""]) {
    const refused = await fetch(`${gateway.url}/gateway/keys`, { headers: { authorization } });
    const body = await refused.json();
    assert.equal(refused.status, 401);
    assertSchema("ErrorResponse", body);
    assert.ok(!JSON.stringify(body).includes("not-the-token"));
  }
  assert.equal(gateway.fake.requests.length, 0);
});

Deno.test("without access tokens or server keys the route does not exist", async () => {
  const envs: Record<string, string>[] = [{}, { GEMINI_API_KEYS: "good-one" }];
  for (const env of envs) {
    await using gateway = await startGateway(env);
    const response = await gateway.request("/v1/gateway/keys");
    const body = await response.json();
    assert.equal(response.status, 404);
    assert.equal(body.error.code, "unknown_route");
  }
});
