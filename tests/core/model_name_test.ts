import assert from "node:assert/strict";
import {
  FOREIGN_CHAT_MODELS,
  MAX_MODEL_NAME_LENGTH,
  ModelAliases,
  OPENAI_EMBEDDING_MODELS,
  parseModelAliases,
  resolveModel,
  substitutionHeaders,
} from "../../src/core/model_name.ts";
import { RETIRED_MODELS } from "../../src/core/retired_models.ts";
import { assertInvalid } from "../helpers/assert_invalid.ts";

const DEFAULT = "gemini-flash-latest";
const silent = (aliases: string = "", retired = true) =>
  new ModelAliases(parseModelAliases(aliases), retired, () => {});
const chat = (value: unknown, aliases = silent()) =>
  resolveModel(value, DEFAULT, FOREIGN_CHAT_MODELS, aliases).model;

Deno.test("Gemini model ids are read with or without models/", () => {
  assert.equal(chat("gemini-3.8-flash"), "gemini-3.8-flash");
  assert.equal(chat("models/gemini-3.1-pro-preview"), "gemini-3.1-pro-preview");
  assert.equal(chat(" gemini-3.5-flash-lite "), "gemini-3.5-flash-lite");
});

Deno.test("provider prefixes of router configurations are stripped", () => {
  assert.equal(chat("google/gemini-3.8-flash"), "gemini-3.8-flash");
  assert.equal(chat("gemini/gemini-4-argon"), "gemini-4-argon");
  assert.equal(chat("gemini/models/gemini-3.6-flash"), "gemini-3.6-flash");
  assert.equal(chat("openai/gpt-4o-mini"), DEFAULT);
  assert.equal(chat("anthropic/claude-sonnet-4-5"), DEFAULT);
});

Deno.test("no model, an OpenAI one or a Claude one is the default", () => {
  for (
    const name of [
      undefined,
      null,
      "gpt-4o-mini",
      "gpt-4.1",
      "chatgpt-4o-latest",
      "o1",
      "o3-mini",
      "claude-3-5-haiku-20241022",
      "claude-opus-4-1@20250805",
    ]
  ) {
    assert.equal(chat(name), DEFAULT, String(name));
  }
  for (const name of ["text-embedding-3-small", "text-embedding-ada-002"]) {
    const resolved = resolveModel(name, "gemini-embedding-001", OPENAI_EMBEDDING_MODELS, silent());
    assert.deepEqual(resolved, { model: "gemini-embedding-001", requested: name });
  }
});

Deno.test("only a name that was given and replaced is reported as substituted", () => {
  const resolve = (value: unknown) => resolveModel(value, DEFAULT, FOREIGN_CHAT_MODELS, silent());
  assert.deepEqual(resolve(undefined), { model: DEFAULT });
  assert.deepEqual(resolve("gemini-3.8-flash"), { model: "gemini-3.8-flash" });
  assert.deepEqual(resolve("gpt-4o"), { model: DEFAULT, requested: "gpt-4o" });
  assert.deepEqual(substitutionHeaders(resolve("gemini-3.8-flash")), {});
  assert.deepEqual(substitutionHeaders(resolve("models/gemini-2.0-flash")), {
    "x-gateway-model-substituted": "gemini-2.0-flash -> gemini-3.6-flash",
  });
});

Deno.test("retired models are answered by Google's replacement, followed to a served one", () => {
  const cases: Record<string, string> = {
    "gemini-2.5-flash": "gemini-3.5-flash-lite",
    "gemini-2.5-pro": "gemini-3.8-flash",
    "gemini-2.0-flash": "gemini-3.6-flash",
    "gemini-2.0-flash-lite-001": "gemini-3.1-flash-lite",
    "gemini-1.5-pro-latest": "gemini-3.8-flash",
    "gemini-1.5-flash-002": "gemini-3.6-flash",
    "gemini-1.5-flash-8b": "gemini-3.1-flash-lite",
    "gemini-pro": "gemini-3.8-flash",
    "gemini-2.5-flash-image-preview": "gemini-3.1-flash-image",
    "gemini-3-pro-preview": "gemini-3.1-pro-preview",
    "imagen-4.0-generate-001": "gemini-3.1-flash-image",
    "text-embedding-004": "gemini-embedding-001",
    "embedding-001": "gemini-embedding-001",
  };
  for (const [from, to] of Object.entries(cases)) assert.equal(chat(from), to, from);
  for (
    const served of [
      "gemini-2.5-flash-lite",
      "gemini-2.5-flash-preview-tts",
      "gemini-pro-latest",
      "gemini-flash-latest",
    ]
  ) {
    assert.equal(chat(served), served);
  }
});

Deno.test("every replacement in the table leads to a model the table does not retire", () => {
  const aliases = silent();
  for (const target of Object.values(RETIRED_MODELS.replacements)) {
    const final = aliases.resolve(target);
    assert.equal(aliases.resolve(final), final);
    assert.match(final, /^[a-z0-9.-]+$/);
  }
  assert.match(RETIRED_MODELS.source, /^https:\/\/ai\.google\.dev\//);
  assert.match(RETIRED_MODELS.read, /^\d{4}-\d{2}-\d{2}$/);
});

Deno.test("MODEL_ALIASES come first, take globs, and may override or extend the table", () => {
  const aliases = silent(
    "claude-*haiku*=gemini-3.5-flash-lite, claude-*=gemini-3.8-flash,gpt-4o=gemini-3.8-flash," +
      "gemini-2.5-flash=gemini-3.6-flash, my-model=models/gemini-2.5-pro",
  );
  assert.equal(chat("claude-3-5-haiku-latest", aliases), "gemini-3.5-flash-lite");
  assert.equal(chat("claude-sonnet-4-5", aliases), "gemini-3.8-flash");
  assert.equal(chat("gpt-4o", aliases), "gemini-3.8-flash");
  assert.equal(chat("gpt-4o-mini", aliases), DEFAULT);
  assert.equal(chat("gemini-2.5-flash", aliases), "gemini-3.6-flash");
  assert.equal(chat("my-model", aliases), "gemini-3.8-flash", "targets are followed on");
  assert.equal(chat("gemini-2.5-pro", silent("gemini-2.5-pro=gemini-2.5-pro")), "gemini-2.5-pro");
});

Deno.test("a glob's * stands for any run of characters, and every other character for itself", () => {
  const matches = (pattern: string, name: string) =>
    silent(`${pattern}=gemini-target`, false).resolve(name) === "gemini-target";
  assert.ok(matches("gemini-1.5-*", "gemini-1.5-"), "an empty run");
  assert.ok(matches("*", "anything"));
  assert.ok(matches("claude-*haiku*", "claude-haiku"));
  assert.ok(matches("a*b*c", "a-b-b-c"));
  assert.ok(matches("*-4*-4", "o-4-4"));
  assert.ok(!matches("gemini-1.5-*", "gemini-105-x"), "a dot is a dot");
  assert.ok(!matches("a*a", "a"), "the parts do not overlap");
  assert.ok(!matches("a*b*c", "a-c-b"), "in order");
  assert.ok(!matches("ab*ba", "aba"));
  assert.ok(!matches("gpt-4o", "gpt-4o-mini"), "no * : the whole name");
  assert.ok(!matches("*mini", "gpt-4o-mini-x"));
});

Deno.test("the table can be switched off", () => {
  assert.equal(chat("gemini-2.0-flash", silent("", false)), "gemini-2.0-flash");
  assert.equal(chat("x-1", silent("x-*=gemini-3.8-flash", false)), "gemini-3.8-flash");
});

Deno.test("aliases that map in a circle end", () => {
  const aliases = silent("a=gemini-b,gemini-b=a");
  assert.equal(aliases.resolve("a"), "gemini-b");
});

Deno.test("MODEL_ALIASES that are not pattern=model fail naming the entry", () => {
  for (const bad of ["gpt-4o", "a=b=c", "gpt 4o=gemini-3.8-flash", "x=gemini 3", "x=a/b", "=x"]) {
    assert.throws(() => parseModelAliases(bad), SyntaxError, bad);
  }
  assert.deepEqual(parseModelAliases(" , "), []);
});

Deno.test("each substitution is logged once, not per request", () => {
  const lines: string[] = [];
  const aliases = new ModelAliases([], true, (line) => lines.push(line));
  for (let i = 0; i < 3; i++) {
    chat("gemini-2.0-flash", aliases);
    chat("gpt-4o", aliases);
    chat("gemini-3.8-flash", aliases);
  }
  assert.equal(lines.length, 2);
  assert.match(lines[0], /gemini-2\.0-flash -> gemini-3\.6-flash/);
  assert.match(lines[1], /gpt-4o -> gemini-flash-latest/);
});

Deno.test("anything that is not a model name is a 400 naming model, without echoing it", () => {
  assertInvalid(() => chat(42), "model");
  assertInvalid(() => chat(""), "model");
  assertInvalid(() => chat("../files/x"), "model");
  assertInvalid(() => chat("gemini 3.8"), "model");
  assertInvalid(() => chat("meta-llama/llama-3:8b"), "model", /not a Gemini model/);
  const long = "gemini-".padEnd(70_000, "x");
  assertInvalid(() => chat(long), "model", /at most 256 characters/);
  assert.throws(() => chat(long), (error: Error) => error.message.length < 200);
  assert.throws(() => chat(`x${"%".repeat(500)}`), (error: Error) => error.message.length < 200);
  assert.equal(chat("gemini-".padEnd(MAX_MODEL_NAME_LENGTH, "x")).length, MAX_MODEL_NAME_LENGTH);
});

Deno.test("an Ollama tag is read away: gemini-3.8-flash:latest is gemini-3.8-flash", () => {
  assert.deepEqual(
    resolveModel("gemini-3.8-flash:latest", DEFAULT, FOREIGN_CHAT_MODELS, silent()),
    {
      model: "gemini-3.8-flash",
    },
  );
  assert.equal(chat("models/gemini-3.8-flash:8b"), "gemini-3.8-flash");
});
