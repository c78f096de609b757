import assert from "node:assert/strict";
import { ModelAliases } from "../../src/core/model_name.ts";
import { resolveSetupModel } from "../../src/live/setup_model.ts";

const quiet = () => new ModelAliases([], true, () => {});

Deno.test("a setup naming a shut-down Live model names its replacement, as text or binary", () => {
  const aliases = quiet();
  const setup = JSON.stringify({ setup: { model: "models/gemini-2.0-flash-live-001", tools: [] } });
  const text = resolveSetupModel(setup, aliases) as string;
  const model = JSON.parse(text).setup.model;
  assert.notEqual(model, "models/gemini-2.0-flash-live-001");
  assert.match(model, /^models\//);
  assert.deepEqual(JSON.parse(text).setup.tools, []);
  const binary = resolveSetupModel(new TextEncoder().encode(setup).buffer, aliases);
  assert.ok(binary instanceof ArrayBuffer);
  assert.equal(new TextDecoder().decode(binary), text);
});

Deno.test("MODEL_ALIASES apply to Live setups, and the substitution is logged once", () => {
  const lines: string[] = [];
  const aliases = new ModelAliases(
    [{ pattern: "my-live", target: "gemini-3.8-live" }],
    true,
    (line) => lines.push(line),
  );
  const setup = JSON.stringify({ setup: { model: "my-live" } });
  for (let i = 0; i < 2; i++) {
    assert.equal(
      JSON.parse(resolveSetupModel(setup, aliases) as string).setup.model,
      "models/gemini-3.8-live",
    );
  }
  assert.equal(lines.length, 1);
});

Deno.test("other frames, and setups for current models, pass byte for byte", () => {
  const aliases = quiet();
  const current = '{ "setup": { "model": "models/gemini-3.8-live" } }';
  assert.equal(resolveSetupModel(current, aliases), current);
  for (const frame of ["not json", '{"realtimeInput": {}}', '{"setup": {"model": 3}}']) {
    assert.equal(resolveSetupModel(frame, aliases), frame);
  }
  const bytes = new Uint8Array([1, 2, 3]).buffer;
  assert.equal(resolveSetupModel(bytes, aliases), bytes);
});
