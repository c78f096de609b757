/**
 * The set-up panel's snippets, as the page shows them, pointed real clients at the gateway: the
 * OpenAI, Anthropic, Ollama and `@google/genai` SDKs configured from their text, the Codex
 * `config.toml` read back (and, when the Codex CLI is installed, run as it is), and the `curl`
 * lines run by a shell.
 * @module
 */

import assert from "node:assert/strict";
import Anthropic from "npm:@anthropic-ai/sdk@1.15.0";
import { GoogleGenAI, type LiveServerMessage, Modality } from "npm:@google/genai@3.1.0";
import { Ollama } from "npm:ollama@0.6.4";
import OpenAI from "npm:openai@7.57.0";
import { APIS } from "../../src/console/apis.ts";
import { KEY, snippets } from "../../src/console/assets/snippets.js";
import { GREETING } from "../../src/fake/generate.ts";
import { availableCli } from "../helpers/cli_install.ts";
import { runCodex } from "../helpers/codex.ts";
import { startResponsesGateway } from "../openai/responses/gateway.ts";
import { browserSkipReason, launchBrowser } from "./browser.ts";

const ignore = browserSkipReason() !== undefined;
const CODEX_VERSION = "0.171.0";

/** One snippet as the page renders it. */
interface Snippet {
  api: string;
  title: string;
  text: string;
}

/** The `export NAME=value` lines of a shell snippet. */
function exports(text: string): Record<string, string> {
  return Object.fromEntries(
    [...text.matchAll(/^export (\w+)=(.*)$/gm)].map(([, name, value]) => [name, value]),
  );
}

/** The `name = "value"` lines of a TOML snippet, by table (`""` for the top level). */
function toml(text: string): Record<string, Record<string, string>> {
  const tables: Record<string, Record<string, string>> = { "": {} };
  let table = "";
  for (const line of text.split("\n")) {
    const header = /^\[(.+)\]$/.exec(line);
    if (header) tables[table = header[1]] = {};
    const pair = /^([\w-]+) = "(.*)"$/.exec(line);
    if (pair) tables[table][pair[1]] = pair[2];
  }
  return tables;
}

/** Runs a shell snippet in `cwd`, the placeholder replaced by a key; gives back its stdout. */
async function shell(text: string, cwd: string): Promise<string> {
  const output = await new Deno.Command("sh", {
    args: ["-c", text.replaceAll(KEY, "test-key")],
    cwd,
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(30_000),
  }).output();
  const stdout = new TextDecoder().decode(output.stdout);
  assert.ok(output.success, `${text}\n${new TextDecoder().decode(output.stderr)}`);
  return stdout;
}

Deno.test("every API but the key pool has set-up snippets naming the origin", () => {
  const origin = "https://gateway.example";
  const all: Record<string, string[][]> = snippets(origin);
  for (const api of APIS) {
    if (api.id === "keys") continue;
    assert.ok(all[api.id]?.length, `a snippet for ${api.id}`);
    assert.ok(all[api.id].some(([, text]) => text.includes("gateway.example")), api.id);
  }
  assert.deepEqual(Object.keys(all).filter((id) => !APIS.some((api) => api.id === id)), []);
});

Deno.test({
  name: "the set-up page's snippets point real clients at working routes",
  ignore,
  async fn(t) {
    // Server keys serve clients without a key (most Ollama clients), as the Ollama snippet says.
    await using gateway = await startResponsesGateway({ GEMINI_API_KEYS: "server-key" });
    await using browser = await launchBrowser();
    const { page, errors } = await browser.page();
    await page.goto(`${gateway.url}/#setup`);
    await page.waitForFunction(
      `document.querySelectorAll("#setup-snippets .snippet").length > 0`,
    );
    const shown = await page.evaluate(`[...document.querySelectorAll("#setup-snippets .snippet")]
      .map((snippet) => ({ api: snippet.dataset.api,
        title: snippet.querySelector(".snippet-title").firstChild.textContent,
        text: snippet.querySelector("code").textContent }))`) as Snippet[];
    assert.deepEqual(errors, []);
    const expected = Object.entries(snippets(gateway.url)).flatMap(([api, list]) =>
      list.map(([title, text]) => ({ api, title, text }))
    );
    assert.deepEqual(
      shown.toSorted((a, b) => a.api.localeCompare(b.api)),
      expected.toSorted((a, b) => a.api.localeCompare(b.api)),
    );
    const texts = (api: string) => shown.filter((snippet) => snippet.api === api);
    const key = (text: string) => text.replaceAll(KEY, "test-key");

    await t.step("OpenAI: the base URL and the environment", async () => {
      const [base, environment] = texts("openai");
      const env = exports(key(environment.text));
      assert.equal(env.OPENAI_BASE_URL, base.text);
      const openai = new OpenAI({ baseURL: base.text, apiKey: env.OPENAI_API_KEY, maxRetries: 0 });
      const answer = await openai.chat.completions.create({
        model: "gemini-flash-latest",
        messages: [{ role: "user", content: "Hi" }],
      });
      assert.equal(answer.choices[0].message.content, `${GREETING}Hi`);
    });

    await t.step("Codex: the config.toml's provider speaks the Responses API", async () => {
      const [config, environment] = texts("responses");
      const tables = toml(config.text);
      const providerId = tables[""].model_provider;
      const provider = tables[`model_providers.${providerId}`];
      assert.equal(provider.wire_api, "responses");
      const env = exports(key(environment.text));
      const apiKey = env[provider.env_key];
      assert.equal(apiKey, "test-key", "the environment snippet sets the provider's env_key");
      const openai = new OpenAI({ baseURL: provider.base_url, apiKey, maxRetries: 0 });
      const response = await openai.responses.create({
        model: tables[""].model,
        input: "Hi",
        store: false,
      });
      assert.equal(response.output_text, `${GREETING}Hi`);
    });

    const codex = await availableCli("@openai/codex", CODEX_VERSION, "codex");
    await t.step({
      name: `Codex CLI ${CODEX_VERSION} runs with the config.toml as shown`,
      ignore: !codex,
      async fn() {
        const [config, environment] = texts("responses");
        const home = await Deno.makeTempDir({ prefix: "codex-home-" });
        const work = await Deno.makeTempDir({ prefix: "codex-work-" });
        try {
          // Only what keeps Codex off the network is added around the snippet.
          await Deno.writeTextFile(
            `${home}/config.toml`,
            `check_for_update_on_startup = false\n${config.text}\n\n[analytics]\nenabled = false\n`,
          );
          const output = await runCodex(codex!, {
            home,
            work,
            env: exports(key(environment.text)),
            args: ["Say hello, no tools"],
          });
          const stdout = new TextDecoder().decode(output.stdout);
          assert.ok(output.success, `${stdout}\n${new TextDecoder().decode(output.stderr)}`);
          assert.match(stdout, /"agent_message","text":"Hello from the fake Gemini\./);
        } finally {
          await Deno.remove(home, { recursive: true });
          await Deno.remove(work, { recursive: true });
        }
      },
    });

    await t.step("Anthropic: ANTHROPIC_BASE_URL and ANTHROPIC_AUTH_TOKEN", async () => {
      const env = exports(key(texts("anthropic")[0].text));
      const anthropic = new Anthropic({
        baseURL: env.ANTHROPIC_BASE_URL,
        apiKey: null,
        authToken: env.ANTHROPIC_AUTH_TOKEN,
        maxRetries: 0,
      });
      const message = await anthropic.messages.create({
        model: "claude-sonnet-4-5",
        max_tokens: 100,
        messages: [{ role: "user", content: "Hi" }],
      });
      const text = message.content.find((block) => block.type === "text");
      assert.equal(text?.text, `${GREETING}Hi`);
    });

    await t.step("Ollama: the URL and OLLAMA_HOST, with no key", async () => {
      const [url, environment] = texts("ollama");
      assert.equal(exports(environment.text).OLLAMA_HOST, url.text);
      const answer = await new Ollama({ host: url.text }).chat({
        model: "gemini-flash-latest",
        messages: [{ role: "user", content: "Hi" }],
      });
      assert.equal(answer.message.content, `${GREETING}Hi`);
    });

    await t.step("Live: the WebSocket URL and @google/genai's baseUrl", async () => {
      const [socketSnippet, sdk] = texts("live");
      const socket = new WebSocket(key(socketSnippet.text));
      const first = new Promise<string>((resolve, reject) => {
        socket.onmessage = async ({ data }) =>
          resolve(typeof data === "string" ? data : await new Blob([data]).text());
        socket.onclose = ({ code, reason }) => reject(new Error(`closed ${code} ${reason}`));
      });
      await new Promise((resolve) => socket.onopen = resolve);
      socket.send(JSON.stringify({ setup: { model: "models/gemini-3.8-live" } }));
      assert.deepEqual(JSON.parse(await first).setupComplete, {});
      socket.onclose = null;
      socket.close();

      const baseUrl = /baseUrl: "([^"]+)"/.exec(sdk.text)![1];
      const model = /model: "([^"]+)"/.exec(sdk.text)![1];
      const ai = new GoogleGenAI({ apiKey: "test-key", httpOptions: { baseUrl } });
      let ready!: (message: LiveServerMessage) => void;
      const setup = new Promise<LiveServerMessage>((resolve) => ready = resolve);
      let closed!: () => void;
      const done = new Promise<void>((resolve) => closed = resolve);
      const session = await ai.live.connect({
        model,
        config: { responseModalities: [Modality.TEXT] },
        callbacks: { onmessage: (message) => ready(message), onclose: () => closed() },
      });
      assert.deepEqual((await setup).setupComplete, {});
      session.close();
      await done;
    });

    await t.step("curl: embeddings, completions, images, speech, transcription", async () => {
      const work = await Deno.makeTempDir({ prefix: "console-snippets-" });
      try {
        const json = async (api: string) => JSON.parse(await shell(texts(api)[0].text, work));
        assert.equal((await json("embeddings")).data[0].object, "embedding");
        assert.equal((await json("completions")).object, "text_completion");
        assert.ok((await json("images")).data[0].b64_json);
        assert.equal(await shell(texts("speech")[0].text, work), "");
        const mp3 = await Deno.readFile(`${work}/speech.mp3`);
        assert.ok(mp3.length > 100 && mp3[0] === 0xff, "an MP3 was written");
        assert.equal(typeof (await json("transcription")).text, "string");
        assert.equal(typeof (await json("translation")).text, "string");
        assert.equal((await json("ollama-chat")).message.content, `${GREETING}Hello!`);
        assert.equal((await json("ollama-embed")).embeddings.length, 1);
      } finally {
        await Deno.remove(work, { recursive: true });
      }
    });
  },
});
