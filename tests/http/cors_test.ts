import assert from "node:assert/strict";
import { preflight, withCors } from "../../src/http/cors.ts";

Deno.test("a preflight allows the requested headers, Authorization included", () => {
  const response = preflight(
    new Request("http://gateway/v1/chat/completions", {
      method: "OPTIONS",
      headers: {
        origin: "https://chat.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type, x-stainless-os",
      },
    }),
  );
  assert.equal(response.status, 204);
  assert.equal(response.headers.get("access-control-allow-origin"), "*");
  assert.equal(
    response.headers.get("access-control-allow-headers"),
    "authorization, content-type, x-stainless-os",
  );
  assert.match(response.headers.get("access-control-allow-methods")!, /POST/);
});

Deno.test("every response gets Access-Control-Allow-Origin", () => {
  assert.equal(withCors(new Response("x")).headers.get("access-control-allow-origin"), "*");
});
