/**
 * End to end: real agent CLIs from npm — Codex CLI (`codex exec`, on the Responses API) and Claude
 * Code (`claude -p`, on the Messages API) — pointed at the gateway in front of the fake Gemini. The
 * CLIs are installed at test time into a cache outside the repository (a large download, once) by
 * `tests/helpers/cli_install.ts`; when an install fails (no network) or `SKIP_AGENT_CLIS=1` is
 * set, that CLI's tests are declared ignored and the run says `NOT TESTED` and why.
 * @module
 */

import assert from "node:assert/strict";
import { SKIP_THOUGHT_SIGNATURE } from "../src/core/tool_call_id.ts";
import { GREETING } from "../src/fake/generate.ts";
import type { GenerateContentRequest, GenerateContentResponse, Part } from "../src/gemini/types.ts";
import { COMPACTION_PROMPT } from "../src/openai/responses/request.ts";
import { availableCli } from "./helpers/cli_install.ts";
import { runCodex } from "./helpers/codex.ts";
import { type Gateway, startGateway } from "./helpers/harness.ts";
import { startResponsesGateway } from "./openai/responses/gateway.ts";

const CODEX_VERSION = "0.171.0";
const CLAUDE_CODE_VERSION = "2.1.332";

/** The CLIs, installed once before the tests are declared; a CLI that is missing is ignored. */
const [codexBinary, claudeBinary] = await Promise.all([
  availableCli("@openai/codex", CODEX_VERSION, "codex"),
  availableCli("@anthropic-ai/claude-code", CLAUDE_CODE_VERSION, "claude"),
]);
const MODEL = "gemini-3.8-flash";
/** The signature the scripted tool call carries, to be found again on the next turn. */
const SIGNATURE = btoa("codex-round-trip-signature");

/** One streamed Gemini response of `parts`, finished. */
function geminiChunk(parts: Part[]): GenerateContentResponse {
  return {
    candidates: [{ content: { role: "model", parts }, finishReason: "STOP", index: 0 }],
    usageMetadata: { promptTokenCount: 12, candidatesTokenCount: 6, totalTokenCount: 18 },
    modelVersion: MODEL,
  };
}

/** One event of `codex exec --json`. */
interface CodexEvent {
  type: string;
  item?: { type: string; text?: string; command?: string; aggregated_output?: string };
}

/**
 * Runs `codex exec` with `config.toml` in a fresh home and gives back its JSON events; with
 * `failing`, the run is expected to end in a failed turn.
 */
async function codexExec(
  codex: string,
  config: string,
  env: Record<string, string>,
  prompt: string,
  failing = false,
): Promise<CodexEvent[]> {
  return (await codexSession(codex, config, env, [prompt], failing))[0];
}

/**
 * Runs `codex exec` once per prompt in one fresh home, each after the first resuming the
 * session (`resume --last`), and gives back the JSON events of each run.
 */
async function codexSession(
  codex: string,
  config: string,
  env: Record<string, string>,
  prompts: string[],
  failing = false,
): Promise<CodexEvent[][]> {
  const home = await Deno.makeTempDir({ prefix: "codex-home-" });
  const work = await Deno.makeTempDir({ prefix: "codex-work-" });
  try {
    await Deno.writeTextFile(`${home}/config.toml`, config);
    const runs: CodexEvent[][] = [];
    for (const [index, prompt] of prompts.entries()) {
      const output = await runCodex(codex, {
        home,
        work,
        env,
        args: [...(index > 0 ? ["resume", "--last"] : []), prompt],
      });
      const stdout = new TextDecoder().decode(output.stdout);
      const stderr = new TextDecoder().decode(output.stderr);
      assert.equal(
        output.success,
        !failing,
        `codex exec ended with ${output.code} (${output.code}):\n${stdout}\n${stderr}`,
      );
      runs.push(
        stdout.split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line)),
      );
    }
    return runs;
  } finally {
    await Deno.remove(home, { recursive: true });
    await Deno.remove(work, { recursive: true });
  }
}

/** The Gemini calls of the fake's requests from `from` on. */
function geminiCalls(gw: Gateway, from: number): GenerateContentRequest[] {
  return gw.fake.requests.slice(from).filter((request) =>
    request.path.includes(":streamGenerateContent")
  ).map((request) => request.body as GenerateContentRequest);
}

function agentMessages(events: CodexEvent[]): string[] {
  return events.flatMap((event) =>
    event.type === "item.completed" && event.item?.type === "agent_message"
      ? [event.item.text ?? ""]
      : []
  );
}

/** A text answer, then a tool loop: Codex runs the command the fake asks for and finishes. */
async function textAndToolLoop(
  t: Deno.TestContext,
  gw: Gateway,
  run: (prompt: string, failing?: boolean) => Promise<CodexEvent[]>,
): Promise<void> {
  await t.step("a prompt answered with text", async () => {
    gw.fake.reply({ chunks: [geminiChunk([{ text: "Hello from Gemini, through the gateway." }])] });
    const events = await run("Say hello.");
    assert.deepEqual(agentMessages(events), ["Hello from Gemini, through the gateway."]);
    assert.ok(events.some((event) => event.type === "turn.completed"));
    // Codex's request as Gemini got it: its developer prompt as the system instruction, its
    // function and namespace tools flattened, its web_search left out next to them.
    const body = gw.fake.requests.at(-1)!.body as GenerateContentRequest;
    assert.match(JSON.stringify(body.contents), /Say hello\./);
    assert.match(JSON.stringify(body.systemInstruction), /Codex/);
    const names = body.tools?.flatMap((tool) => tool.functionDeclarations ?? [])
      .map((declaration) => declaration.name) ?? [];
    assert.ok(names.includes("exec_command"), names.join());
    assert.ok(names.some((name) => name.includes(".")), "a namespace tool, flattened");
    assert.ok(!body.tools?.some((tool) => tool.googleSearch));
  });

  await t.step("a tool loop: a shell command, then the answer", async () => {
    const before = gw.fake.requests.length;
    gw.fake.reply({
      chunks: [geminiChunk([{
        functionCall: { name: "exec_command", args: { cmd: "echo codex-tool-ok" } },
        thoughtSignature: SIGNATURE,
      }])],
    });
    const events = await run("Run the check.");
    const calls = gw.fake.requests.slice(before).filter((request) =>
      request.path.includes(":streamGenerateContent")
    );
    assert.equal(calls.length, 2, "one call for the tool, one after its output");
    const second = calls[1].body as { contents: { role: string; parts: Part[] }[] };
    const parts = second.contents.flatMap((content) => content.parts);
    const call = parts.find((part) => part.functionCall);
    assert.equal(call?.functionCall?.name, "exec_command");
    assert.equal(call?.thoughtSignature, SIGNATURE, "the signature came back through Codex");
    const response = parts.find((part) => part.functionResponse);
    assert.equal(response?.functionResponse?.name, "exec_command");
    assert.match(JSON.stringify(response?.functionResponse?.response), /codex-tool-ok/);
    const messages = agentMessages(events);
    assert.equal(messages.length, 1);
    assert.match(messages[0], /^The tool said: .*codex-tool-ok/s);
  });

  await t.step(
    "a rate limit before the stream: Codex waits Gemini's delay, then retries",
    async () => {
      const before = gw.fake.requests.length;
      const error = {
        code: 429,
        message: "Resource has been exhausted (e.g. check quota).",
        status: "RESOURCE_EXHAUSTED",
        details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "2s" }],
      };
      gw.fake.reply(
        { json: { error }, status: 429 },
        { chunks: [geminiChunk([{ text: "Answered after the wait." }])] },
      );
      const started = performance.now();
      const events = await run("Say something.");
      assert.deepEqual(agentMessages(events), ["Answered after the wait."]);
      assert.equal(geminiCalls(gw, before).length, 2, "the refused call, then the retry");
      assert.ok(performance.now() - started >= 2000, "Codex waited the delay Gemini gave");
    },
  );

  await t.step("a malformed function call and nothing else: Codex tries again", async () => {
    const before = gw.fake.requests.length;
    gw.fake.reply(
      { chunks: [{ candidates: [{ finishReason: "MALFORMED_FUNCTION_CALL", index: 0 }] }] },
      { chunks: [geminiChunk([{ text: "Answered on the second try." }])] },
    );
    const events = await run("Say something.");
    assert.deepEqual(agentMessages(events), ["Answered on the second try."]);
    assert.equal(geminiCalls(gw, before).length, 2);
  });

  await t.step("a full context window before the stream: Codex says so, no retry", async () => {
    const before = gw.fake.requests.length;
    const error = {
      code: 400,
      message: "The input token count (1200000) exceeds the maximum number of tokens allowed.",
      status: "INVALID_ARGUMENT",
    };
    gw.fake.reply({ json: { error }, status: 400 });
    const events = await run("Say something.", true);
    const failed = events.find((event) => event.type === "turn.failed");
    assert.match(JSON.stringify(failed), /context window/, JSON.stringify(events));
    assert.equal(geminiCalls(gw, before).length, 1);
  });
}

Deno.test({
  name: `Codex CLI ${CODEX_VERSION}: a custom provider with wire_api = "responses"`,
  ignore: !codexBinary,
}, async (t) => {
  const codex = codexBinary!;
  await using gw = await startResponsesGateway();
  const config = [
    `model = "${MODEL}"`,
    `model_provider = "gateway"`,
    `check_for_update_on_startup = false`,
    `[analytics]`,
    `enabled = false`,
    `[model_providers.gateway]`,
    `name = "Gemini gateway"`,
    `base_url = "${gw.url}/v1"`,
    `env_key = "GATEWAY_KEY"`,
    `wire_api = "responses"`,
    ``,
  ].join("\n");
  await textAndToolLoop(
    t,
    gw,
    (prompt, failing) => codexExec(codex, config, { GATEWAY_KEY: "test-key" }, prompt, failing),
  );
});

/**
 * A pass-through in front of `gw` that counts the WebSocket upgrades asked of it (Codex's built-in
 * provider asks for one on `GET /v1/responses` before it uses HTTP).
 */
function upgradeCounter(gw: Gateway): { url: string; upgrades: () => number } & AsyncDisposable {
  let upgrades = 0;
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen: () => {} }, (request) => {
    if (request.headers.get("upgrade")?.toLowerCase() === "websocket") upgrades++;
    const url = new URL(request.url);
    return fetch(`${gw.url}${url.pathname}${url.search}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
    });
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    upgrades: () => upgrades,
    [Symbol.asyncDispose]: () => server.shutdown(),
  };
}

Deno.test({
  name: `Codex CLI ${CODEX_VERSION}: the built-in provider at openai_base_url`,
  ignore: !codexBinary,
}, async (t) => {
  const codex = codexBinary!;
  await using gw = await startResponsesGateway();
  await using proxy = upgradeCounter(gw);
  const config = [
    `model = "${MODEL}"`,
    `openai_base_url = "${proxy.url}/v1"`,
    `check_for_update_on_startup = false`,
    `[analytics]`,
    `enabled = false`,
    ``,
  ].join("\n");
  let runs = 0;
  await textAndToolLoop(t, gw, (prompt, failing) => {
    runs++;
    return codexExec(codex, config, { CODEX_API_KEY: "test-key" }, prompt, failing);
  });
  assert.equal(proxy.upgrades(), runs, "one refused WebSocket upgrade per run, then HTTP");

  await t.step("compaction: a sealed summary from Gemini replaces the history", async () => {
    const before = gw.fake.requests.length;
    // A limit any conversation exceeds: Codex compacts before the resumed session's turn.
    const compacting = `model_auto_compact_token_limit = 50\n${config}`;
    const [, resumed] = await codexSession(codex, compacting, { CODEX_API_KEY: "test-key" }, [
      "Remember the word kiwi, no tools",
      "Which word was it? no tools",
    ]);
    const calls = geminiCalls(gw, before);
    assert.equal(calls.length, 3, "the first turn, the compaction, the resumed turn");
    const compaction = calls[1];
    assert.equal(compaction.tools, undefined, "the summary is asked for without tools");
    assert.equal(compaction.contents.at(-1)?.parts?.at(-1)?.text, COMPACTION_PROMPT);
    assert.ok(compaction.contents.some((content) => content.role === "model"));
    // Codex keeps the user's messages and puts the compaction item in place of the rest.
    const history = JSON.stringify(calls[2].contents);
    assert.match(history, /Summary of the conversation so far:/);
    assert.match(history, /Which word was it\?/);
    assert.ok(calls[2].contents.every((content) => content.role === "user"), history);
    assert.equal(agentMessages(resumed).length, 1);
    assert.ok(resumed.some((event) => event.type === "turn.completed"));
  });
});

/** Claude Code's `--output-format json` result. */
interface ClaudeResult {
  type: "result";
  subtype: string;
  is_error: boolean;
  result: string;
  num_turns: number;
}

/**
 * Runs `claude -p prompt` against the gateway at `url`, in a fresh home and working directory,
 * with `env` added; `debugLog` receives what `--debug` wrote (when `extra` asks for it).
 */
async function claude(
  url: string,
  prompt: string,
  extra: string[] = [],
  env: Record<string, string> = {},
  debugLog?: (text: string) => void,
): Promise<ClaudeResult> {
  const binary = claudeBinary!;
  const home = await Deno.makeTempDir({ prefix: "claude-home-" });
  const work = await Deno.makeTempDir({ prefix: "claude-work-" });
  try {
    const output = await new Deno.Command(binary, {
      args: ["-p", prompt, "--output-format", "json", ...extra],
      cwd: work,
      clearEnv: true,
      env: {
        PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
        HOME: home,
        ANTHROPIC_BASE_URL: url,
        ANTHROPIC_AUTH_TOKEN: "test-key",
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
        ...env,
      },
      stdout: "piped",
      stderr: "piped",
      signal: AbortSignal.timeout(120_000),
    }).output();
    const stdout = new TextDecoder().decode(output.stdout);
    const stderr = new TextDecoder().decode(output.stderr);
    assert.ok(output.success, `claude exited with ${output.code}:\n${stdout}\n${stderr}`);
    if (debugLog) {
      for await (const entry of Deno.readDir(`${home}/.claude/debug`)) {
        if (entry.isFile) debugLog(await Deno.readTextFile(`${home}/.claude/debug/${entry.name}`));
      }
    }
    return JSON.parse(stdout);
  } finally {
    await Deno.remove(home, { recursive: true });
    await Deno.remove(work, { recursive: true });
  }
}

const CLAUDE_MODELS = [
  { family: "Gemini 2.5", model: "gemini-2.5-flash-lite" },
  { family: "Gemini 3", model: "gemini-3.6-flash" },
];

for (const { family, model } of CLAUDE_MODELS) {
  Deno.test({
    name: `Claude Code ${CLAUDE_CODE_VERSION} on ${family}: a prompt answered with text`,
    ignore: !claudeBinary,
  }, async () => {
    await using gw = await startGateway({ MODEL_ALIASES: `claude-*=${model}` });
    // "no tools" makes the fake answer with text although Claude Code declares its tools.
    const result = await claude(gw.url, "Say hello to the gateway, no tools");
    assert.equal(result.is_error, false, JSON.stringify(result));
    assert.ok(result.result.startsWith(GREETING), result.result);
    assert.ok(result.result.endsWith("Say hello to the gateway, no tools"), result.result);
    const paths = gw.fake.requests.map((request) => request.path);
    assert.ok(paths.some((path) => path.endsWith(`/models/${model}:streamGenerateContent`)));
  });

  Deno.test({
    name: `Claude Code ${CLAUDE_CODE_VERSION} on ${family}: a task that needs one Bash call`,
    ignore: !claudeBinary,
  }, async () => {
    await using gw = await startGateway({ MODEL_ALIASES: `claude-*=${model}` });
    const command = "echo gateway-$((6*7))";
    const result = await claude(
      gw.url,
      `Run Bash ${JSON.stringify({ command, description: "Print a number" })}`,
      ["--allowedTools", "Bash"],
    );
    assert.equal(result.is_error, false, JSON.stringify(result));
    // The fake reports what the tool said: the shell really ran the command.
    assert.match(result.result, /^The tool said: .*gateway-42/);
    const last = gw.fake.requests.at(-1)!.body as GenerateContentRequest;
    const call = last.contents.flatMap((content) => content.parts ?? [])
      .find((part) => part.functionCall);
    assert.deepEqual(call?.functionCall, {
      name: "Bash",
      args: { command, description: "Print a number" },
    });
    if (family === "Gemini 3") {
      assert.ok(call?.thoughtSignature);
      assert.notEqual(call.thoughtSignature, SKIP_THOUGHT_SIGNATURE);
    }
    const response = last.contents.at(-1)?.parts?.find((part) => part.functionResponse);
    assert.equal(response?.functionResponse?.name, "Bash");
  });
}

Deno.test({
  name: `Claude Code ${CLAUDE_CODE_VERSION}: gateway model discovery accepts the model list`,
  ignore: !claudeBinary,
}, async () => {
  await using gw = await startGateway({ MODEL_ALIASES: "claude-*=gemini-3.6-flash" });
  let log = "";
  const result = await claude(
    gw.url,
    "Say hello to the gateway, no tools",
    ["--debug"],
    { CLAUDE_CODE_ENABLE_GATEWAY_MODEL_DISCOVERY: "1" },
    (text) => log += text,
  );
  assert.equal(result.is_error, false, JSON.stringify(result));
  // It listed the models (GET /v1/models?limit=1000 → Gemini's list) and its schema check passed;
  // it then keeps only ids with "claude" or "anthropic", so Gemini's join no picker.
  assert.ok(gw.fake.requests.some((request) => request.path.endsWith("/models")));
  const discovery = log.split("\n").filter((line) => line.includes("[gatewayDiscovery]"));
  assert.ok(discovery.length > 0, "no discovery in the debug log");
  assert.ok(
    discovery.every((line) => !/failed validation|non-OK|failed:/.test(line)),
    discovery.join("\n"),
  );
  assert.ok(
    discovery.some((line) => line.includes("usable models after filter")),
    discovery.join("\n"),
  );
});
