import assert from "node:assert/strict";
import type { Page } from "npm:puppeteer-core@25.16.0";
import { type Gateway, startGateway } from "../helpers/harness.ts";
import { browserSkipReason, launchBrowser, screenshot } from "./browser.ts";

// Page-side code is written as strings: the tests are type-checked without the DOM library.

const ignore = browserSkipReason() !== undefined;

/** The value of a JavaScript expression in the page. */
function value<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

/** What the page shows, to explain a wait that timed out. */
const PAGE_STATE = `JSON.stringify(Object.fromEntries(
  ["setup-status", "chat-status", "chat-log", "live-status", "live-log"].map((id) =>
    [id, document.getElementById(id).textContent.slice(-300)])))`;

/** Waits until a JavaScript expression is true in the page. */
async function until(page: Page, expression: string, timeout = 15_000): Promise<void> {
  try {
    await page.waitForFunction(expression, { timeout });
  } catch (error) {
    const state = await value(page, PAGE_STATE).catch(() => "unknown");
    throw new Error(`Waited ${timeout} ms for ${expression}; the page shows ${state}`, {
      cause: error,
    });
  }
}

/** Opens the console with `key` entered, on `tab`. */
async function openConsole(page: Page, gateway: Gateway, tab: string, key = "test-key") {
  await page.goto(`${gateway.url}/#${tab}`);
  await until(page, `document.getElementById("setup-status").dataset.kind === "ok"`);
  await page.evaluate(`document.getElementById("key").value = ""`);
  if (key) {
    await page.type("#key", key);
    await page.keyboard.press("Tab");
  }
}

/** Sends `text` in the chat and waits for the answer to finish; returns the answer's text. */
async function chat(page: Page, text: string): Promise<string> {
  const done = `document.querySelectorAll(".message.assistant[data-done]").length`;
  const before = await value<number>(page, done);
  await page.type("#chat-input", text);
  await page.keyboard.press("Enter");
  await until(page, `${done} > ${before}`);
  return await value(page, `document.querySelector(".message.assistant:last-child").textContent`);
}

Deno.test({
  name: "the console in headless Chromium",
  ignore,
  async fn(t) {
    await using browser = await launchBrowser();
    await t.step(
      "the console loads without console errors, shows the set-up and lists the models",
      async () => {
        await using gateway = await startGateway();
        const { page, errors } = await browser.page();
        await openConsole(page, gateway, "setup");
        const apis = await value<string[]>(
          page,
          `[...document.querySelectorAll("#setup-apis li")].map((item) => item.dataset.api)`,
        );
        assert.ok(apis.includes("openai") && apis.includes("live"), String(apis));
        const snippets = await value<string>(
          page,
          `document.getElementById("setup-snippets").textContent`,
        );
        assert.ok(snippets.includes(`${gateway.url}/v1`), snippets);
        assert.match(
          await value(page, `document.getElementById("version").textContent`),
          /^v\d+\.\d+/,
        );
        await screenshot(page, "setup-desktop");
        await page.click('nav [data-tab="chat"]');
        await until(page, `document.getElementById("chat-model").options.length > 0`);
        const models = await value<string[]>(
          page,
          `[...document.getElementById("chat-model").options].map((option) => option.value)`,
        );
        assert.ok(models.includes("gemini-flash-latest"), String(models));
        assert.ok(!models.some((id) => id.includes("embedding")), String(models));
        assert.equal(
          await value(page, `document.getElementById("chat-model").value`),
          "gemini-flash-latest",
        );
        assert.deepEqual(errors, []);

        const phone = await browser.page("phone");
        await openConsole(phone.page, gateway, "setup");
        await until(phone.page, `document.querySelectorAll("#setup-snippets .snippet").length > 5`);
        await screenshot(phone.page, "setup-phone");
        assert.ok(
          await value(phone.page, "document.documentElement.scrollWidth <= innerWidth"),
          "the phone layout of the set-up is no wider than the screen",
        );
        assert.deepEqual(phone.errors, []);
        await phone.page.close();
      },
    );

    await t.step(
      "the key stays in localStorage only and goes only to the gateway, as a Bearer token",
      async () => {
        await using gateway = await startGateway();
        const { page, errors } = await browser.page();
        const requested: string[] = [];
        page.on("request", (request) => requested.push(request.url()));
        await openConsole(page, gateway, "chat", "my-secret-key");
        await until(page, `document.getElementById("chat-model").options.length > 0`);
        await chat(page, "Hi");
        // A reload finds the key in localStorage, and nowhere else.
        await page.reload();
        await until(page, `document.getElementById("setup-status").dataset.kind === "ok"`);
        const stored = await value<
          { field: string; local: string[]; session: number; cookie: string }
        >(
          page,
          `({ field: document.getElementById("key").value,
            local: Object.keys(localStorage).filter((name) =>
              localStorage.getItem(name) === "my-secret-key"),
            session: sessionStorage.length, cookie: document.cookie })`,
        );
        assert.deepEqual(stored, {
          field: "my-secret-key",
          local: ["gemini-gateway.key"],
          session: 0,
          cookie: "",
        });
        assert.ok(requested.length > 5);
        assert.deepEqual(requested.filter((url) => !url.startsWith(`${gateway.url}/`)), []);
        assert.ok(requested.every((url) => !url.includes("my-secret-key")), "never in a URL");
        // Gemini got the key from the gateway (header, never the URL), for the list and the chat.
        const calls = gateway.fake.requests.filter((request) => request.method !== "GET");
        assert.ok(calls.length > 0);
        for (const request of gateway.fake.requests) {
          assert.equal(request.headers.get("x-goog-api-key"), "my-secret-key", request.path);
          assert.ok(!request.query.toString().includes("my-secret-key"), request.path);
        }
        // Cleared, the key is removed from the browser.
        await page.evaluate(`document.getElementById("key").value = ""`);
        await page.type("#key", " ");
        await page.keyboard.press("Tab");
        assert.equal(await value(page, `localStorage.getItem("gemini-gateway.key")`), null);
        assert.deepEqual(errors, []);
      },
    );

    await t.step(
      "the chat streams an answer with folded thinking, shown at desktop and phone widths",
      async () => {
        await using gateway = await startGateway();
        for (const viewport of ["desktop", "phone"] as const) {
          const { page, errors } = await browser.page(viewport);
          await openConsole(page, gateway, "chat");
          await until(page, `document.getElementById("chat-model").options.length > 0`);
          await page.select("#chat-effort", "high");
          const answer = await chat(page, "Hello there, **gateway**!");
          assert.match(answer, /Hello from the fake Gemini\. You said: Hello there, gateway!/);
          assert.ok(gateway.fake.requests.at(-1)!.path.includes(":streamGenerateContent"));
          const thinking = await value<{ hidden: boolean; open: boolean; text: string }>(
            page,
            `(() => { const box = document.querySelector(".message.assistant:last-child .thinking");
          return { hidden: box.hidden, open: box.open, text: box.textContent }; })()`,
          );
          assert.equal(thinking.hidden, false);
          assert.equal(thinking.open, false);
          assert.match(thinking.text, /a friendly echo will do/);
          assert.equal(
            await value(
              page,
              `document.querySelector(".message.assistant:last-child > .markdown strong")?.textContent`,
            ),
            "gateway",
          );
          await screenshot(page, `chat-${viewport}`);
          assert.ok(
            await value(page, "document.documentElement.scrollWidth <= innerWidth"),
            `the ${viewport} layout is no wider than the screen`,
          );
          assert.deepEqual(errors, []);
          await page.close();
        }
      },
    );

    await t.step(
      "the chat shows a tool call, sends its result, and shows search citations",
      async () => {
        await using gateway = await startGateway();
        const { page, errors } = await browser.page();
        await openConsole(page, gateway, "chat");
        await until(page, `document.getElementById("chat-model").options.length > 0`);
        await page.click(".tools summary");
        await page.click("#chat-tools-example");
        await chat(page, "What is the weather in Paris?");
        const call = await value<{ name: string; args: string }>(
          page,
          `(() => { const call = document.querySelector(".message.assistant:last-child .tool-call");
        return { name: call.querySelector("summary code").textContent,
          args: call.querySelector("pre").textContent }; })()`,
        );
        assert.equal(call.name, "get_weather");
        assert.deepEqual(JSON.parse(call.args), { city: "example" });
        const answer = await chat(page, "sunny, 21 °C");
        assert.match(answer, /The tool said: .*sunny, 21 °C/);
        const toolMessage = (gateway.fake.requests.at(-1)!.body as {
          contents: { parts: { functionResponse?: { name: string } }[] }[];
        }).contents.at(-1)!.parts[0];
        assert.equal(toolMessage.functionResponse?.name, "get_weather");

        await page.evaluate(`document.getElementById("chat-tools").value = ""`);
        await page.click("#chat-search");
        await chat(page, "Who won the race?");
        const citations = await value<{ title: string; href: string }[]>(
          page,
          `[...document.querySelectorAll(".message.assistant:last-child .citations a")]
        .map((a) => ({ title: a.textContent, href: a.href }))`,
        );
        assert.deepEqual(citations.map(({ title }) => title), ["example.com", "wikipedia.org"]);
        assert.ok(citations.every(({ href }) => href.startsWith("https://vertexaisearch.")));
        await screenshot(page, "chat-tools-citations-desktop");
        assert.deepEqual(errors, []);
      },
    );

    await t.step(
      "the chat renders a <script> in model output as text, never as markup",
      async () => {
        await using gateway = await startGateway();
        const { page, errors } = await browser.page();
        await openConsole(page, gateway, "chat");
        await until(page, `document.getElementById("chat-model").options.length > 0`);
        const hostile =
          `<script>window.injected = 1</script><img src=x onerror="window.injected = 2">` +
          ` [click](javascript:window.injected=3)`;
        const answer = await chat(page, hostile);
        assert.ok(answer.includes("<script>window.injected = 1</script>"), answer);
        assert.ok(answer.includes(`<img src=x onerror="window.injected = 2">`), answer);
        await page.evaluate(`document.querySelector(".message.assistant:last-child p").click()`);
        assert.equal(await value(page, "window.injected"), undefined);
        assert.equal(
          await value(page, `document.querySelectorAll("#chat-log script, #chat-log img").length`),
          0,
        );
        assert.equal(
          await value(
            page,
            `[...document.querySelectorAll("#chat-log a")].filter((a) => !a.href.startsWith("http")).length`,
          ),
          0,
        );
        // Markdown becomes elements, and HTML inside it stays text.
        await page.evaluate(`document.getElementById("chat-input").value =
          "A list:\\n\\n- one\\n- **two**\\n\\n\\x60\\x60\\x60html\\n<b>bold?</b>\\n\\x60\\x60\\x60\\n\\nSee [the docs](https://example.com/docs)."`);
        await chat(page, "");
        const rendered = await value<{ items: string[]; code: string; link: string }>(
          page,
          `(() => { const answer = document.querySelector(".message.assistant:last-child > .markdown");
            return { items: [...answer.querySelectorAll("ul li")].map((li) => li.innerHTML),
              code: answer.querySelector("pre code").textContent,
              link: answer.querySelector("a").outerHTML }; })()`,
        );
        assert.deepEqual(rendered.items, ["one", "<strong>two</strong>"]);
        assert.equal(rendered.code, "<b>bold?</b>");
        assert.equal(
          rendered.link,
          '<a href="https://example.com/docs" target="_blank" rel="noopener noreferrer">the docs</a>',
        );
        assert.deepEqual(errors, []);
      },
    );

    await t.step(
      "a Live turn: the fake microphone's audio reaches Gemini, its audio reply plays, `interrupted` silences it",
      async () => {
        await using gateway = await startGateway();
        for (const viewport of ["desktop", "phone"] as const) {
          const { page, errors } = await browser.page(viewport);
          // Counts what the page sends on its Live socket, by kind, and times its audio.
          await page.evaluateOnNewDocument(`window.sent = {};
            window.audio = { bytes: 0, types: [] };
            const send = WebSocket.prototype.send;
            WebSocket.prototype.send = function (data) {
              window.liveSocket = this;
              const message = JSON.parse(data);
              const kind = Object.keys(message.realtimeInput ?? message)[0];
              window.sent[kind] = (window.sent[kind] ?? 0) + 1;
              const audio = message.realtimeInput?.audio;
              if (audio) {
                window.audio.first ??= performance.now();
                window.audio.last = performance.now();
                window.audio.bytes += atob(audio.data).length;
                if (!window.audio.types.includes(audio.mimeType)) window.audio.types.push(audio.mimeType);
              }
              return send.call(this, data);
            };`);
          await openConsole(page, gateway, "live");
          await until(page, `document.getElementById("live-model").options.length > 0`);
          assert.equal(
            await value(page, `document.getElementById("live-model").value`),
            "gemini-3.8-live",
          );
          await page.click("#live-start");
          await until(page, `Number(document.getElementById("live-stats").dataset.received) > 0`);
          await until(
            page,
            `document.getElementById("live-log").textContent.includes("Hello from the fake Gemini.")`,
          );
          const log = await value<string>(page, `document.getElementById("live-log").textContent`);
          // The fake's transcription of the input says how much audio it received.
          assert.match(log, /You: \(1\.0 s of audio\)/);
          assert.match(log, /Gemini: Hello from the fake Gemini\./);
          assert.ok(await value<number>(page, `document.getElementById("live-level").value`) > 0);
          // Gemini's `interrupted` (the user spoke over the answer) silences the answer at once.
          await until(page, `document.getElementById("live-stats").dataset.playing > 0`);
          const playing = await value<string>(
            page,
            `window.liveSocket.dispatchEvent(new MessageEvent("message", {
              data: JSON.stringify({ serverContent: { interrupted: true } }) }));
            document.getElementById("live-stats").dataset.playing`,
          );
          assert.equal(playing, "0");
          // Typed text goes as realtimeInput.text, and its answer is shown.
          const answers = `document.querySelectorAll("#live-log .assistant").length`;
          const before = await value<number>(page, answers);
          await page.type("#live-input", "Typed hello");
          await page.click("#live-send");
          await until(page, `${answers} > ${before}`);
          assert.equal(await value(page, "window.sent.text"), 1);
          assert.match(
            await value(page, `document.getElementById("live-log").textContent`),
            /You: Typed hello/,
          );
          await page.click("#live-camera");
          await until(page, `(window.sent.video ?? 0) > 0`);
          const sent = await value<Record<string, number>>(page, "window.sent");
          assert.equal(sent.setup, 1);
          assert.ok(sent.audio >= 10, JSON.stringify(sent));
          assert.equal(await value(page, `document.getElementById("live-video").hidden`), false);
          // Screen frames replace the camera's; pressing Screen again stops them.
          const track = `document.getElementById("live-video").srcObject?.getVideoTracks()[0]`;
          assert.equal(await value(page, `${track}.readyState`), "live");
          const camera = await value<string>(page, `${track}.label`);
          await page.click("#live-screen");
          await until(page, `${track}?.label.startsWith("screen")`);
          const frames = await value<number>(page, "window.sent.video");
          await until(page, `window.sent.video > ${frames}`);
          assert.equal(
            await value(page, `document.getElementById("live-camera").ariaPressed`),
            "false",
          );
          assert.equal(
            await value(page, `document.getElementById("live-screen").ariaPressed`),
            "true",
          );
          assert.notEqual(camera, await value(page, `${track}.label`));
          await screenshot(page, `live-${viewport}`);
          assert.ok(
            await value(page, "document.documentElement.scrollWidth <= innerWidth"),
            `the ${viewport} layout is no wider than the screen`,
          );
          // 16 kHz 16-bit mono PCM, in real time: 32,000 bytes a second (not 48 kHz's 96,000).
          const audio = await value<
            { bytes: number; types: string[]; first: number; last: number }
          >(
            page,
            "window.audio",
          );
          assert.deepEqual(audio.types, ["audio/pcm;rate=16000"]);
          const rate = (audio.bytes - 3200) / ((audio.last - audio.first) / 1000);
          assert.ok(rate > 32_000 * 0.6 && rate < 32_000 * 1.5, `${rate} bytes a second`);
          await page.click("#live-screen");
          await until(page, `document.getElementById("live-video").hidden`);
          await page.click("#live-stop");
          await until(page, `!document.getElementById("live-start").disabled`);
          assert.deepEqual(errors, []);
          await page.close();
        }
      },
    );

    await t.step("a Live session with a refused key says why it closed", async () => {
      await using gateway = await startGateway();
      const { page } = await browser.page();
      await openConsole(page, gateway, "live", "invalid-key");
      await page.evaluate(
        `document.getElementById("live-model").append(new Option("gemini-3.8-live"))`,
      );
      await page.click("#live-start");
      await until(page, `document.getElementById("live-status").dataset.kind === "error"`);
      const status = await value<string>(
        page,
        `document.getElementById("live-status").textContent`,
      );
      assert.match(status, /Gemini refused the session \(1007\): API key not valid/);
      assert.ok(!status.includes("invalid-key"), status);
      // The chat panel says why the models cannot be listed with that key.
      await until(page, `document.getElementById("chat-status").dataset.kind === "error"`);
      const chat = await value<string>(page, `document.getElementById("chat-status").textContent`);
      assert.match(chat, /^Models: 401: API key not valid/);
      assert.ok(!chat.includes("invalid-key"), chat);
    });

    await t.step(
      "with an access token the set-up shows the key pool; another key is told why not",
      async () => {
        await using gateway = await startGateway({
          GEMINI_API_KEYS: "server-key-1,server-key-2",
          ACCESS_TOKENS: "console-token",
        });
        const { page, errors } = await browser.page();
        await openConsole(page, gateway, "setup", "console-token");
        await until(page, `document.querySelectorAll("#pool tbody tr").length === 2`);
        const facts = await value<string>(
          page,
          `document.getElementById("setup-keys").textContent`,
        );
        assert.match(facts, /Server keys\s*configured/);
        assert.match(facts, /Access tokens\s*required/);
        const table = await value<string>(page, `document.getElementById("pool").textContent`);
        assert.ok(!table.includes("server-key"), table);
        assert.match(table, /usable/);
        assert.deepEqual(errors, []);

        await openConsole(page, gateway, "setup", "someone-elses-key");
        await until(page, `document.getElementById("pool-status").dataset.kind === "error"`);
        assert.match(
          await value(page, `document.getElementById("pool-status").textContent`),
          /401: The key pool's state is shown only with an access token/,
        );
      },
    );

    await t.step(
      "the chat sends an attached image as a data URI and shows a generated one",
      async () => {
        await using gateway = await startGateway();
        const { page, errors } = await browser.page();
        await openConsole(page, gateway, "chat");
        await until(page, `document.getElementById("chat-model").options.length > 0`);
        const png = Uint8Array.fromBase64(
          "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
        );
        const path = `${Deno.cwd()}/test-output/console/pixel.png`;
        await Deno.writeFile(path, png);
        const input = await page.$("#chat-file");
        await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path);
        await until(page, `document.querySelectorAll("#chat-attachments img").length === 1`);
        await chat(page, "What is in this picture?");
        const parts = (gateway.fake.requests.at(-1)!.body as {
          contents: {
            parts: { text?: string; inlineData?: { mimeType: string; data: string } }[];
          }[];
        }).contents.at(-1)!.parts;
        const image = parts.find((part) => part.inlineData)!.inlineData!;
        assert.equal(image.mimeType, "image/png");
        assert.deepEqual(Uint8Array.fromBase64(image.data), png);
        assert.equal(
          await value(page, `document.querySelectorAll("#chat-log .user img").length`),
          1,
        );
        assert.equal(
          await value(page, `document.querySelectorAll("#chat-attachments img").length`),
          0,
        );
        // An image model's picture comes back as a data URI in Markdown, shown as an image.
        await page.select("#chat-model", "gemini-3.1-flash-image");
        await chat(page, "Draw a cat");
        const drawn = gateway.fake.requests.at(-1)!.body as {
          generationConfig: { responseModalities: string[] };
        };
        assert.deepEqual(drawn.generationConfig.responseModalities, ["TEXT", "IMAGE"]);
        assert.match(
          await value(
            page,
            `document.querySelector(".message.assistant:last-child img.generated").src`,
          ),
          /^data:image\/png;base64,/,
        );
        await screenshot(page, "chat-image-desktop");
        assert.deepEqual(errors, []);
      },
    );

    await t.step("Stop aborts a streaming answer and Retry asks again", async () => {
      await using gateway = await startGateway();
      const { page, errors } = await browser.page();
      await openConsole(page, gateway, "chat");
      await until(page, `document.getElementById("chat-model").options.length > 0`);
      const chunk = (text: string, last = false) => ({
        candidates: [{
          content: { parts: [{ text }], role: "model" },
          index: 0,
          ...(last ? { finishReason: "STOP" } : {}),
        }],
        modelVersion: "gemini-3.8-flash",
      });
      // Every request to the fake takes the scripted reply: let the model lists finish first.
      await until(page, `document.getElementById("live-model").options.length > 0`);
      gateway.fake.reply({
        chunks: [chunk("The slow start"), chunk(" and the end.", true)],
        delayMs: 30_000,
      });
      await page.type("#chat-input", "Take your time");
      await page.keyboard.press("Enter");
      await until(
        page,
        `document.getElementById("chat-log").textContent.includes("The slow start")`,
      );
      await page.click("#chat-stop");
      await until(page, `document.getElementById("chat-status").textContent === "Stopped."`);
      assert.ok(
        !(await value<string>(page, `document.getElementById("chat-log").textContent`)).includes(
          "the end",
        ),
      );
      await page.click("#chat-retry");
      await until(
        page,
        `document.querySelector(".message.assistant:last-child")?.textContent.includes("You said: Take your time")`,
      );
      assert.equal(await value(page, `document.querySelectorAll(".message.assistant").length`), 1);
      assert.deepEqual(errors, []);
    });

    await t.step(
      "the chat says why an answer ended: token limit, safety, blocked, empty, upstream errors",
      async () => {
        await using gateway = await startGateway();
        const { page, errors } = await browser.page();
        await openConsole(page, gateway, "chat");
        await until(page, `document.getElementById("chat-model").options.length > 0`);
        // Every request to the fake takes the scripted replies: let the model lists finish first.
        await until(page, `document.getElementById("live-model").options.length > 0`);
        const candidate = (finishReason: string, text?: string) => ({
          candidates: [{
            ...(text === undefined ? {} : { content: { parts: [{ text }], role: "model" } }),
            finishReason,
            index: 0,
          }],
          modelVersion: "gemini-3.8-flash",
        });
        const overloaded = {
          error: { code: 503, message: "The model is overloaded.", status: "UNAVAILABLE" },
        };
        gateway.fake.reply(
          { chunks: [candidate("MAX_TOKENS", "A long story that")] },
          { chunks: [candidate("SAFETY")] },
          { chunks: [{ promptFeedback: { blockReason: "PROHIBITED_CONTENT" } }] },
          { chunks: [candidate("STOP", "")] },
          { error: 503 },
          { chunks: [candidate("", "Half an")], error: overloaded },
          {
            raw: `data: ${JSON.stringify(candidate("", "Cut short"))}\r\n\r\n`,
            split: "sse",
            reset: true,
          },
        );
        const meta = `document.querySelector(".message.assistant:last-child .meta").textContent`;
        const last = `document.querySelector(".message.assistant:last-child")`;

        assert.match(await chat(page, "Tell me a long story"), /A long story that/);
        assert.match(await value(page, meta), / · cut off at the token limit$/);

        await chat(page, "Something unsafe");
        assert.match(await value(page, meta), /stopped by Gemini's safety filters/);

        assert.match(
          await chat(page, "Something prohibited"),
          /The prompt was blocked by Gemini \(reason: PROHIBITED_CONTENT\)/,
        );
        assert.match(await value(page, meta), /stopped by Gemini's safety filters/);

        assert.match(await chat(page, "Say nothing"), /\(Gemini gave no answer\.\)/);
        assert.doesNotMatch(await value(page, meta), /cut off|safety/);

        // Gemini fails before the stream starts: the gateway's mapped error, and Retry is offered.
        const failed = await chat(page, "Are you there?");
        assert.match(failed, /503: .*overloaded/i);
        assert.doesNotMatch(failed, /no answer/);
        assert.equal(
          await value(page, `document.getElementById("chat-status").dataset.kind`),
          "error",
        );
        assert.equal(await value(page, `document.getElementById("chat-retry").disabled`), false);

        // Gemini fails during the stream: what came is kept, the failure is said under it.
        const cut = await chat(page, "And now?");
        assert.match(cut, /Half an/);
        assert.match(await value(page, `${last}.querySelector(".error").textContent`), /overload/i);

        // The connection to Gemini is cut during the stream: said too.
        assert.match(await chat(page, "Still there?"), /Cut short/);
        assert.match(
          await value(page, `${last}.querySelector(".error")?.textContent`),
          /broke off/,
        );
        assert.deepEqual(errors.filter((error) => !/status of 503/.test(error)), []);
      },
    );

    await t.step("a denied microphone is explained", async () => {
      await using gateway = await startGateway();
      const { page } = await browser.page();
      await page.evaluateOnNewDocument(`navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException("Permission denied", "NotAllowedError"));`);
      await openConsole(page, gateway, "live");
      await until(page, `document.getElementById("live-model").options.length > 0`);
      await page.click("#live-start");
      await until(page, `document.getElementById("live-status").dataset.kind === "error"`);
      assert.match(
        await value(page, `document.getElementById("live-status").textContent`),
        /The browser denied the microphone/,
      );
      assert.equal(await value(page, `document.getElementById("live-start").disabled`), false);
    });
  },
});
