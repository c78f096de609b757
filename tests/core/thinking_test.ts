import assert from "node:assert/strict";
import { toThinkingConfig } from "../../src/core/thinking.ts";
import type { Field } from "../../src/http/fields.ts";
import { assertInvalid } from "../helpers/assert_invalid.ts";

const config = (value: unknown, param = "google.thinking_config"): Field => ({ value, param });

function effort(model: string, value: string, includeThoughts = true) {
  return toThinkingConfig(model, value, undefined, includeThoughts);
}

Deno.test("Gemini 2.5 Flash maps efforts to budgets", () => {
  const model = "gemini-2.5-flash";
  assert.deepEqual(effort(model, "none"), { thinkingBudget: 0 });
  assert.deepEqual(effort(model, "minimal"), { thinkingBudget: 512, includeThoughts: true });
  assert.deepEqual(effort(model, "low"), { thinkingBudget: 1024, includeThoughts: true });
  assert.deepEqual(effort(model, "medium"), { thinkingBudget: 8192, includeThoughts: true });
  assert.deepEqual(effort(model, "high"), { thinkingBudget: 24576, includeThoughts: true });
});

Deno.test("Gemini 2.5 Pro cannot stop thinking and goes up to 32768", () => {
  const model = "gemini-2.5-pro";
  assert.deepEqual(effort(model, "none"), { thinkingBudget: 128 });
  assert.deepEqual(effort(model, "minimal"), { thinkingBudget: 128, includeThoughts: true });
  assert.deepEqual(effort(model, "high"), { thinkingBudget: 32768, includeThoughts: true });
});

Deno.test("Gemini 2.5 Flash-Lite maps efforts to its budgets", () => {
  const model = "gemini-2.5-flash-lite";
  assert.deepEqual(effort(model, "none"), { thinkingBudget: 0 });
  assert.deepEqual(effort(model, "minimal"), { thinkingBudget: 512, includeThoughts: true });
  assert.deepEqual(effort(model, "high"), { thinkingBudget: 24576, includeThoughts: true });
});

Deno.test("Gemini 3 Flash maps efforts to levels; none is the lowest level", () => {
  const model = "gemini-3-flash-preview";
  assert.deepEqual(effort(model, "none"), { thinkingLevel: "MINIMAL" });
  assert.deepEqual(effort(model, "minimal"), { thinkingLevel: "MINIMAL", includeThoughts: true });
  assert.deepEqual(effort(model, "low"), { thinkingLevel: "LOW", includeThoughts: true });
  assert.deepEqual(effort(model, "medium"), { thinkingLevel: "MEDIUM", includeThoughts: true });
  assert.deepEqual(effort(model, "high"), { thinkingLevel: "HIGH", includeThoughts: true });
});

Deno.test("Gemini 3 Pro knows only LOW and HIGH", () => {
  const model = "gemini-3-pro-preview";
  assert.deepEqual(effort(model, "none"), { thinkingLevel: "LOW" });
  assert.deepEqual(effort(model, "minimal"), { thinkingLevel: "LOW", includeThoughts: true });
  assert.deepEqual(effort(model, "low"), { thinkingLevel: "LOW", includeThoughts: true });
  assert.deepEqual(effort(model, "medium"), { thinkingLevel: "HIGH", includeThoughts: true });
  assert.deepEqual(effort(model, "high"), { thinkingLevel: "HIGH", includeThoughts: true });
});

Deno.test("later Gemini 3 Pro models have MEDIUM but no MINIMAL", () => {
  const model = "gemini-3.1-pro-preview";
  assert.deepEqual(effort(model, "none"), { thinkingLevel: "LOW" });
  assert.deepEqual(effort(model, "medium"), { thinkingLevel: "MEDIUM", includeThoughts: true });
});

Deno.test("includeThoughts follows the configured default", () => {
  assert.deepEqual(effort("gemini-2.5-flash", "low", false), {
    thinkingBudget: 1024,
    includeThoughts: false,
  });
});

Deno.test("models that think by default ask for thought summaries unprompted", () => {
  for (
    const model of [
      "gemini-2.5-flash",
      "gemini-2.5-pro",
      "gemini-3-pro-preview",
      "gemini-flash-latest",
    ]
  ) {
    assert.deepEqual(
      toThinkingConfig(model, undefined, undefined, true),
      { includeThoughts: true },
      model,
    );
    assert.deepEqual(
      toThinkingConfig(model, null, undefined, false),
      { includeThoughts: false },
      model,
    );
  }
});

Deno.test("models that do not think by default get no thinkingConfig unprompted", () => {
  for (
    const model of [
      "gemini-2.5-flash-lite",
      "gemini-2.0-flash",
      "gemma-3-27b-it",
      "gemini-2.5-flash-image",
      "gemini-2.5-flash-preview-tts",
    ]
  ) {
    assert.equal(toThinkingConfig(model, undefined, undefined, true), undefined, model);
  }
});

Deno.test("models that cannot think accept none and refuse other efforts", () => {
  assert.equal(effort("gemini-2.0-flash", "none"), undefined);
  assertInvalid(() => effort("gemini-2.0-flash", "high"), "reasoning_effort", /does not support/);
  assertInvalid(() => effort("gemini-2.5-flash-image", "low"), "reasoning_effort");
});

Deno.test("the -latest aliases follow the newest models: levels, not budgets", () => {
  assert.deepEqual(effort("gemini-flash-latest", "none"), { thinkingLevel: "LOW" });
  assert.deepEqual(effort("gemini-flash-latest", "medium"), {
    thinkingLevel: "MEDIUM",
    includeThoughts: true,
  });
  assert.deepEqual(effort("gemini-flash-lite-latest", "minimal"), {
    thinkingLevel: "MINIMAL",
    includeThoughts: true,
  });
  assert.deepEqual(effort("gemini-pro-latest", "none"), { thinkingLevel: "LOW" });
  assert.deepEqual(effort("gemini-pro-latest", "high"), {
    thinkingLevel: "HIGH",
    includeThoughts: true,
  });
});

Deno.test("Gemini 3.8 and 3.7 Flash take LOW to HIGH: none and minimal are LOW", () => {
  for (const model of ["gemini-3.8-flash", "gemini-3.7-flash"]) {
    assert.deepEqual(effort(model, "none"), { thinkingLevel: "LOW" }, model);
    assert.deepEqual(effort(model, "minimal"), { thinkingLevel: "LOW", includeThoughts: true });
    assert.deepEqual(effort(model, "low"), { thinkingLevel: "LOW", includeThoughts: true });
    assert.deepEqual(effort(model, "medium"), { thinkingLevel: "MEDIUM", includeThoughts: true });
    assert.deepEqual(effort(model, "high"), { thinkingLevel: "HIGH", includeThoughts: true });
  }
});

Deno.test("Gemini 4 Argon and 3.1 Pro take LOW, MEDIUM and HIGH", () => {
  for (const model of ["gemini-4-argon", "gemini-3.1-pro-preview"]) {
    assert.deepEqual(effort(model, "none"), { thinkingLevel: "LOW" }, model);
    assert.deepEqual(effort(model, "minimal"), { thinkingLevel: "LOW", includeThoughts: true });
    assert.deepEqual(effort(model, "medium"), { thinkingLevel: "MEDIUM", includeThoughts: true });
    assert.deepEqual(effort(model, "xhigh"), { thinkingLevel: "HIGH", includeThoughts: true });
  }
});

Deno.test("Gemini 3.6 Flash and the Flash-Lite models take MINIMAL", () => {
  for (const model of ["gemini-3.6-flash", "gemini-3.5-flash-lite", "gemini-3.1-flash-lite"]) {
    assert.deepEqual(effort(model, "none"), { thinkingLevel: "MINIMAL" }, model);
    assert.deepEqual(effort(model, "low"), { thinkingLevel: "LOW", includeThoughts: true });
  }
});

Deno.test("speech models take no thinking configuration", () => {
  for (const model of ["gemini-3.8-flash-tts", "gemini-3.5-transcribe", "gemini-3.8-live"]) {
    assert.equal(effort(model, "none"), undefined, model);
    assert.equal(toThinkingConfig(model, undefined, undefined, true), undefined, model);
  }
});

Deno.test("unknown and future models get levels and think by default", () => {
  for (const model of ["gemini-4-flash", "gemini-omni-pro", "gemini-exp-1206"]) {
    assert.deepEqual(effort(model, "low"), { thinkingLevel: "LOW", includeThoughts: true }, model);
    assert.deepEqual(
      toThinkingConfig(model, undefined, undefined, true),
      { includeThoughts: true },
      model,
    );
  }
});

Deno.test("xhigh and max are each model's highest setting", () => {
  for (const value of ["xhigh", "max"]) {
    assert.deepEqual(effort("gemini-2.5-flash", value), {
      thinkingBudget: 24576,
      includeThoughts: true,
    });
    assert.deepEqual(effort("gemini-2.5-pro", value), {
      thinkingBudget: 32768,
      includeThoughts: true,
    });
    assert.deepEqual(effort("gemini-3-pro-preview", value), {
      thinkingLevel: "HIGH",
      includeThoughts: true,
    });
    assert.deepEqual(effort("gemini-flash-latest", value), {
      thinkingLevel: "HIGH",
      includeThoughts: true,
    });
    assertInvalid(() => effort("gemini-2.0-flash", value), "reasoning_effort", /does not support/);
  }
});

Deno.test("bad reasoning_effort values are 400s naming it", () => {
  assertInvalid(() => effort("gemini-2.5-flash", "extreme"), "reasoning_effort", /extreme/);
  assertInvalid(
    () => toThinkingConfig("gemini-2.5-flash", 3, undefined, true),
    "reasoning_effort",
    /string/,
  );
});

Deno.test("thinking_config is sent as given, in snake or camel case", () => {
  assert.deepEqual(
    toThinkingConfig("gemini-2.5-flash", undefined, config({ thinking_budget: 2048 }), true),
    { thinkingBudget: 2048, includeThoughts: true },
  );
  assert.deepEqual(
    toThinkingConfig("gemini-3-pro-preview", undefined, config({ thinkingLevel: "low" }), false),
    { thinkingLevel: "LOW", includeThoughts: false },
  );
  assert.deepEqual(
    toThinkingConfig(
      "gemini-2.5-flash",
      undefined,
      config({ thinking_budget: -1, include_thoughts: false }),
      true,
    ),
    { thinkingBudget: -1, includeThoughts: false },
  );
});

Deno.test("a zero budget turns thinking off and asks for no summaries", () => {
  assert.deepEqual(
    toThinkingConfig("gemini-2.5-flash", undefined, config({ thinkingBudget: 0 }), true),
    { thinkingBudget: 0 },
  );
  assert.deepEqual(
    toThinkingConfig(
      "gemini-2.5-flash",
      undefined,
      config({ thinkingBudget: 0, includeThoughts: true }),
      false,
    ),
    { thinkingBudget: 0, includeThoughts: true },
  );
});

Deno.test("include_thoughts alone is kept; an empty config follows the model's default", () => {
  assert.deepEqual(
    toThinkingConfig("gemini-2.5-flash-lite", undefined, config({ include_thoughts: true }), false),
    { includeThoughts: true },
  );
  assert.deepEqual(toThinkingConfig("gemini-2.5-flash", undefined, config({}), true), {
    includeThoughts: true,
  });
  assert.equal(toThinkingConfig("gemini-2.5-flash-lite", undefined, config({}), true), undefined);
});

Deno.test("reasoning_effort and thinking_config together are a 400", () => {
  assertInvalid(
    () => toThinkingConfig("gemini-2.5-flash", "low", config({ thinking_budget: 1 }), true),
    "reasoning_effort",
    /google\.thinking_config/,
  );
});

Deno.test("a malformed thinking_config is a 400 naming the field", () => {
  const run = (value: unknown, param = "extra_body.google.thinking_config") => () =>
    toThinkingConfig("gemini-2.5-flash", undefined, config(value, param), true);
  assertInvalid(run("high"), "extra_body.google.thinking_config");
  assertInvalid(
    run({ thinking_budget: 1024, thinking_level: "low" }),
    "extra_body.google.thinking_config",
    /together/,
  );
  assertInvalid(run({ thinking_budget: -2 }), "extra_body.google.thinking_config.thinking_budget");
  assertInvalid(run({ thinkingBudget: "1" }), "extra_body.google.thinking_config.thinkingBudget");
  assertInvalid(
    run({ thinking_level: "huge" }),
    "extra_body.google.thinking_config.thinking_level",
  );
  assertInvalid(
    run({ include_thoughts: "yes" }),
    "extra_body.google.thinking_config.include_thoughts",
  );
});

Deno.test("the effort is named as the dialect names it", () => {
  assertInvalid(
    () => toThinkingConfig("gemini-3.8-flash", "huge", undefined, true, "reasoning.effort"),
    "reasoning.effort",
  );
  assertInvalid(
    () => toThinkingConfig("gemini-2.0-flash", "high", undefined, true, "reasoning.effort"),
    "reasoning.effort",
    /does not support reasoning/,
  );
});
