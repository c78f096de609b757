import assert from "node:assert/strict";
import { ConfigError, loadConfig } from "../src/config.ts";

const from = (env: Record<string, string>) => (name: string) => env[name];

Deno.test("defaults", () => {
  const config = loadConfig(from({}));
  assert.equal(config.port, 8000);
  assert.equal(config.geminiBaseUrl, "https://generativelanguage.googleapis.com");
  assert.equal(config.geminiApiVersion, "v1beta");
  assert.equal(config.safetyThreshold, "BLOCK_NONE");
  assert.equal(config.allowPrivateUrlFetch, false);
  assert.equal(config.includeThoughts, true);
  assert.ok(config.maxBodyBytes >= 20 * 1024 * 1024);
  assert.equal(config.defaultModel, "gemini-flash-latest");
  assert.equal(config.defaultEmbeddingModel, "gemini-embedding-001");
  assert.equal(config.anthropicDefaultModel, "gemini-flash-latest");
  // Unmapped Claude names of every family go to DEFAULT_MODEL, as OpenAI names do.
  assert.equal(config.anthropicHaikuModel, "gemini-flash-latest");
  assert.equal(config.anthropicSonnetModel, "gemini-flash-latest");
  assert.equal(config.anthropicOpusModel, "gemini-flash-latest");
  assert.equal(config.hideRetiredModels, false);
  assert.equal(config.modelAliases.resolve("gemini-2.0-flash"), "gemini-3.6-flash");
});

Deno.test("model aliases: MODEL_ALIASES first, the retired table switchable off", () => {
  const config = loadConfig(from({
    MODEL_ALIASES: "claude-*=gemini-3.8-flash",
    RETIRED_MODEL_ALIASES: "false",
    HIDE_RETIRED_MODELS: "true",
  }));
  assert.equal(config.modelAliases.resolve("claude-x"), "gemini-3.8-flash");
  assert.equal(config.modelAliases.resolve("gemini-2.0-flash"), "gemini-2.0-flash");
  assert.equal(config.hideRetiredModels, true);
  assert.throws(
    () => loadConfig(from({ MODEL_ALIASES: "gpt-4o" })),
    (error) => error instanceof ConfigError && error.message.includes("MODEL_ALIASES"),
  );
});

Deno.test("Claude model settings: the Anthropic default follows DEFAULT_MODEL, the families follow it", () => {
  const config = loadConfig(from({
    DEFAULT_MODEL: "gemini-3.6-flash",
    ANTHROPIC_HAIKU_MODEL: "models/gemini-3.1-flash-lite",
    ANTHROPIC_OPUS_MODEL: "gemini-3.1-pro-preview",
  }));
  assert.equal(config.anthropicDefaultModel, "gemini-3.6-flash");
  assert.equal(config.anthropicSonnetModel, "gemini-3.6-flash");
  assert.equal(config.anthropicHaikuModel, "gemini-3.1-flash-lite");
  assert.equal(config.anthropicOpusModel, "gemini-3.1-pro-preview");
  const own = loadConfig(
    from({
      ANTHROPIC_DEFAULT_MODEL: "gemini-3.5-flash",
      ANTHROPIC_SONNET_MODEL: "gemini-3.5-flash-lite",
    }),
  );
  assert.equal(own.anthropicDefaultModel, "gemini-3.5-flash");
  assert.equal(own.anthropicSonnetModel, "gemini-3.5-flash-lite");
  assert.equal(own.anthropicHaikuModel, "gemini-3.5-flash");
  assert.equal(own.anthropicOpusModel, "gemini-3.5-flash");
});

Deno.test("reads every setting", () => {
  const config = loadConfig(from({
    PORT: "9000",
    GEMINI_BASE_URL: "http://127.0.0.1:8001/",
    GEMINI_API_VERSION: "v1alpha",
    UPSTREAM_TIMEOUT_MS: "1000",
    MAX_BODY_BYTES: "2048",
    DEFAULT_MODEL: "models/gemini-2.5-pro",
    DEFAULT_EMBEDDING_MODEL: "gemini-embedding-2",
    ALLOW_PRIVATE_URL_FETCH: "true",
    SAFETY_THRESHOLD: "block_only_high",
    INCLUDE_THOUGHTS: "false",
    KEEPALIVE_INTERVAL_MS: "500",
  }));
  assert.equal(config.port, 9000);
  assert.equal(config.geminiBaseUrl, "http://127.0.0.1:8001");
  assert.equal(config.geminiApiVersion, "v1alpha");
  assert.equal(config.upstreamTimeoutMs, 1000);
  assert.equal(config.maxBodyBytes, 2048);
  assert.equal(config.defaultModel, "gemini-2.5-pro");
  assert.equal(config.defaultEmbeddingModel, "gemini-embedding-2");
  assert.equal(config.allowPrivateUrlFetch, true);
  assert.equal(config.safetyThreshold, "BLOCK_ONLY_HIGH");
  assert.equal(config.includeThoughts, false);
  assert.equal(config.keepAliveMs, 500);
});

Deno.test("invalid values fail with a message naming the setting", () => {
  for (
    const [name, value] of [
      ["PORT", "eighty"],
      ["PORT", "70000"],
      ["GEMINI_BASE_URL", "not a url"],
      ["GEMINI_BASE_URL", "ftp://example.com"],
      ["GEMINI_API_VERSION", "beta"],
      ["UPSTREAM_TIMEOUT_MS", "0"],
      ["MAX_BODY_BYTES", "1.5"],
      ["ALLOW_PRIVATE_URL_FETCH", "maybe"],
      ["SAFETY_THRESHOLD", "BLOCK_ALL"],
    ]
  ) {
    assert.throws(
      () => loadConfig(from({ [name]: value })),
      (error) => error instanceof ConfigError && error.message.includes(name),
      `${name}=${value}`,
    );
  }
});

Deno.test("server keys and access tokens: comma or newline separated, duplicates dropped", () => {
  const config = loadConfig(from({
    GEMINI_API_KEYS: "key-a, key-b\nkey-a\n",
    GEMINI_API_KEY: "key-c",
    ACCESS_TOKENS: "token-1,token-2",
  }));
  assert.deepEqual(config.geminiApiKeys, ["key-a", "key-b", "key-c"]);
  assert.deepEqual(config.accessTokens, ["token-1", "token-2"]);
  assert.deepEqual(loadConfig(from({ GEMINI_API_KEY: "key-c" })).geminiApiKeys, ["key-c"]);
  const none = loadConfig(from({}));
  assert.deepEqual([none.geminiApiKeys, none.accessTokens], [[], []]);
  assert.equal(none.allowPublicServerKeys, false);
});

Deno.test("tokens without keys, or an open pool on Deno Deploy, stop the server", () => {
  assert.throws(() => loadConfig(from({ ACCESS_TOKENS: "t" })), ConfigError);
  const deploy = { GEMINI_API_KEYS: "key-a", DENO_DEPLOYMENT_ID: "abc123" };
  assert.throws(() => loadConfig(from(deploy)), /ACCESS_TOKENS.*ALLOW_PUBLIC_SERVER_KEYS/);
  assert.ok(loadConfig(from({ ...deploy, ACCESS_TOKENS: "t" })));
  assert.ok(
    loadConfig(from({ ...deploy, ALLOW_PUBLIC_SERVER_KEYS: "true" })).allowPublicServerKeys,
  );
});

Deno.test("a malformed key is refused without echoing it", () => {
  assert.throws(
    () => loadConfig(from({ GEMINI_API_KEYS: "secret-\u00e9-key" })),
    (error) => error instanceof ConfigError && !error.message.includes("secret"),
  );
});

Deno.test("stored responses: on by default in Deno's own KV for 30 days; path, expiry, off", () => {
  const defaults = loadConfig(from({}));
  assert.equal(defaults.responsesStore, true);
  assert.equal(defaults.responsesKvPath, undefined);
  assert.equal(defaults.responsesTtlSeconds, 30 * 86_400);
  const set = loadConfig(from({
    RESPONSES_STORE: "false",
    RESPONSES_KV_PATH: " /var/lib/gateway/responses.sqlite ",
    RESPONSES_TTL_SECONDS: "3600",
  }));
  assert.equal(set.responsesStore, false);
  assert.equal(set.responsesKvPath, "/var/lib/gateway/responses.sqlite");
  assert.equal(set.responsesTtlSeconds, 3600);
  for (const [name, value] of [["RESPONSES_STORE", "maybe"], ["RESPONSES_TTL_SECONDS", "0"]]) {
    assert.throws(
      () => loadConfig(from({ [name]: value })),
      (error) => error instanceof ConfigError && error.message.includes(name),
    );
  }
});

Deno.test("media and completion defaults: settable, the completion one following DEFAULT_MODEL", () => {
  const defaults = loadConfig(from({ DEFAULT_MODEL: "gemini-3.6-flash" }));
  assert.equal(defaults.defaultCompletionModel, "gemini-3.6-flash");
  assert.equal(defaults.defaultImageModel, "gemini-3.1-flash-image");
  assert.equal(defaults.defaultSpeechModel, "gemini-3.8-flash-tts");
  assert.equal(defaults.defaultTranscriptionModel, "gemini-3.5-transcribe");
  const set = loadConfig(from({
    DEFAULT_COMPLETION_MODEL: "gemini-3.8-flash",
    DEFAULT_IMAGE_MODEL: "models/gemini-3-pro-image",
    DEFAULT_SPEECH_MODEL: "gemini-3.8-flash-lite-tts",
    DEFAULT_TRANSCRIPTION_MODEL: "gemini-3.8-flash",
  }));
  assert.equal(set.defaultCompletionModel, "gemini-3.8-flash");
  assert.equal(set.defaultImageModel, "gemini-3-pro-image");
  assert.equal(set.defaultSpeechModel, "gemini-3.8-flash-lite-tts");
  assert.equal(set.defaultTranscriptionModel, "gemini-3.8-flash");
});
