/**
 * Claude Code itself, run non-interactively (`claude -p`) against the gateway with the fake
 * Gemini behind it: a prompt answered with text, and a task that needs one Bash call, on Gemini
 * 2.5 and on Gemini 3 (whose thought signature has to survive the tool loop).
 *
 * Claude Code is installed from npm at test time into a cache outside the repository
 * (`$HOME/.cache/gateway-test-clis/claude-code`); when that fails (no network), the tests fail
 * saying so. They need `--allow-run` and `--allow-write` (`deno task test` grants them).
 * @module
 */

import assert from "node:assert/strict";
import { GREETING } from "../src/fake/generate.ts";
import { SKIP_THOUGHT_SIGNATURE } from "../src/core/tool_call_id.ts";
import type { GenerateContentRequest } from "../src/gemini/types.ts";
import { startGateway } from "./helpers/harness.ts";

const PACKAGE = "@anthropic-ai/claude-code";
const VERSION = "2.1.332";

/** Where Claude Code is installed: outside the repository, kept between runs. */
function cacheDir(): string {
  const home = Deno.env.get("HOME") ?? "/tmp";
  return `${home}/.cache/gateway-test-clis/claude-code`;
}

let installed: Promise<string> | undefined;

/** The path of the `claude` binary, installed from npm on first use. */
function claudeBinary(): Promise<string> {
  installed ??= install();
  return installed;
}

async function install(): Promise<string> {
  const prefix = cacheDir();
  const binary = `${prefix}/node_modules/.bin/claude`;
  if (await version(binary) === VERSION) return binary;
  const npm = await new Deno.Command("npm", {
    args: ["install", "--prefix", prefix, "--no-audit", "--no-fund", `${PACKAGE}@${VERSION}`],
    stdout: "piped",
    stderr: "piped",
  }).output().catch((error) => {
    throw new Error(`could not run npm to install ${PACKAGE}@${VERSION}: ${error}`);
  });
  const found = await version(binary);
  if (!npm.success || found !== VERSION) {
    const log = new TextDecoder().decode(npm.stderr).trim().split("\n").slice(-15).join("\n");
    throw new Error(
      `could not install ${PACKAGE}@${VERSION} from npm into ${prefix} (no network to the npm ` +
        `registry?); Claude Code was not tested.\n${log}`,
    );
  }
  return binary;
}

/** The version `binary --version` reports, if it runs. */
async function version(binary: string): Promise<string | undefined> {
  try {
    const { success, stdout } = await new Deno.Command(binary, {
      args: ["--version"],
      stdout: "piped",
      stderr: "null",
    })
      .output();
    return success ? new TextDecoder().decode(stdout).trim().split(" ")[0] : undefined;
  } catch {
    return undefined;
  }
}

/** Claude Code's `--output-format json` result. */
interface ClaudeResult {
  type: "result";
  subtype: string;
  is_error: boolean;
  result: string;
  num_turns: number;
}

/** Runs `claude -p prompt` against the gateway at `url`, in a fresh home and working directory. */
async function claude(url: string, prompt: string, extra: string[] = []): Promise<ClaudeResult> {
  const binary = await claudeBinary();
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
      },
      stdout: "piped",
      stderr: "piped",
      signal: AbortSignal.timeout(120_000),
    }).output();
    const stdout = new TextDecoder().decode(output.stdout);
    const stderr = new TextDecoder().decode(output.stderr);
    assert.ok(output.success, `claude exited with ${output.code}:\n${stdout}\n${stderr}`);
    return JSON.parse(stdout);
  } finally {
    await Deno.remove(home, { recursive: true });
    await Deno.remove(work, { recursive: true });
  }
}

const MODELS = [
  { family: "Gemini 2.5", model: "gemini-2.5-flash-lite" },
  { family: "Gemini 3", model: "gemini-3.6-flash" },
];

for (const { family, model } of MODELS) {
  Deno.test(`Claude Code on ${family}: a prompt answered with text`, async () => {
    await using gw = await startGateway({ MODEL_ALIASES: `claude-*=${model}` });
    // "no tools" makes the fake answer with text although Claude Code declares its tools.
    const result = await claude(gw.url, "Say hello to the gateway, no tools");
    assert.equal(result.is_error, false, JSON.stringify(result));
    assert.ok(result.result.startsWith(GREETING), result.result);
    assert.ok(result.result.endsWith("Say hello to the gateway, no tools"), result.result);
    const paths = gw.fake.requests.map((request) => request.path);
    assert.ok(paths.some((path) => path.endsWith(`/models/${model}:streamGenerateContent`)));
  });

  Deno.test(`Claude Code on ${family}: a task that needs one Bash call`, async () => {
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
