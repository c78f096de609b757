import assert from "node:assert/strict";
import { AccessTokens, constantTimeEqual } from "../../src/keys/access_tokens.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

Deno.test("constantTimeEqual compares content and length", () => {
  assert.ok(constantTimeEqual(bytes("secret-token"), bytes("secret-token")));
  assert.ok(!constantTimeEqual(bytes("secret-tokem"), bytes("secret-token")));
  assert.ok(!constantTimeEqual(bytes("secret"), bytes("secret-token")));
  assert.ok(!constantTimeEqual(bytes("secret-token-and-more"), bytes("secret-token")));
  assert.ok(!constantTimeEqual(bytes("secretsecret"), bytes("secret")));
  assert.ok(!constantTimeEqual(bytes("x"), bytes("")));
  assert.ok(!constantTimeEqual(bytes(""), bytes("x")));
});

Deno.test("matches any configured token, and nothing when none is", () => {
  const tokens = new AccessTokens(["team-token-1", "team-token-2"]);
  assert.ok(tokens.enabled);
  assert.ok(tokens.matches("team-token-2"));
  assert.ok(tokens.matches("team-token-1"));
  assert.ok(!tokens.matches("team-token-3"));
  assert.ok(!tokens.matches(""));
  const none = new AccessTokens([]);
  assert.ok(!none.enabled);
  assert.ok(!none.matches("team-token-1"));
});
