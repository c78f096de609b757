import assert from "node:assert/strict";
import { openPoolWarning } from "../../src/keys/open_pool_warning.ts";

Deno.test("warns about server keys without tokens, naming no key", () => {
  const warning = openPoolWarning({ geminiApiKeys: ["secret-a", "secret-b"], accessTokens: [] });
  assert.match(warning ?? "", /WARNING: 2 server Gemini keys and no ACCESS_TOKENS/);
  assert.ok(!warning?.includes("secret"));
});

Deno.test("no warning with tokens, or without server keys", () => {
  assert.equal(openPoolWarning({ geminiApiKeys: ["a"], accessTokens: ["t"] }), undefined);
  assert.equal(openPoolWarning({ geminiApiKeys: [], accessTokens: [] }), undefined);
});
