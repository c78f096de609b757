// The chat panel: a conversation streamed from /v1/chat/completions, with thinking (folded),
// tool calls, search citations, image attachments, stop and retry.

import { byId, h, setStatus } from "./dom.js";
import { call, canCall, errorMessage, fillSelect, listModels } from "./gateway.js";
import { link, renderMarkdown } from "./markdown.js";

const MODEL_ITEM = "gemini-gateway.chat-model";
const RENDER_INTERVAL_MS = 40;
const IMAGE_MODEL = /-image(-|$)/;
const NOT_CHAT = /embedding|tts|transcribe|live|native-audio|imagen|veo|aqa|lyria/;
/** What the page says under an answer that ended for another reason than its end. */
const FINISH_NOTES = {
  length: "cut off at the token limit",
  content_filter: "stopped by Gemini's safety filters",
};
const EXAMPLE_TOOLS = [{
  type: "function",
  function: {
    name: "get_weather",
    description: "The current weather in a city.",
    parameters: {
      type: "object",
      properties: { city: { type: "string" } },
      required: ["city"],
    },
  },
}];

/** The conversation as sent to the API, and the page's state. */
const state = {
  messages: [],
  /** Data URIs of images to send with the next message. */
  attachments: [],
  /** The running request's controller, while one runs. */
  controller: undefined,
  /** Tool calls of the last answer still waiting for their results. */
  pendingCalls: [],
};

/** Reads Server-Sent Events from `response`, calling `onData` with each `data` payload. */
async function readEvents(response, onData) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const events = buffer.split(/\r?\n\r?\n/);
    buffer = events.pop();
    for (const event of events) {
      const data = event.split(/\r?\n/).filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).replace(/^ /, "")).join("\n");
      if (data && data !== "[DONE]") onData(JSON.parse(data));
    }
  }
}

/** One assistant answer on the page, updated as its chunks arrive. */
class AnswerView {
  constructor(log) {
    this.text = "";
    this.thinking = "";
    this.calls = [];
    this.citations = new Map();
    this.thinkingBody = h("div", { class: "markdown" });
    this.thinkingBox = h(
      "details",
      { class: "thinking", hidden: true },
      h("summary", {}, "Thinking"),
      this.thinkingBody,
    );
    this.body = h("div", { class: "markdown" });
    this.callsBox = h("div", { class: "tool-calls" });
    this.sources = h("ol", { class: "citations" });
    this.sourcesBox = h(
      "div",
      { class: "sources", hidden: true },
      h("div", { class: "sources-title" }, "Sources"),
      this.sources,
    );
    this.meta = h("div", { class: "meta" });
    this.element = h(
      "div",
      { class: "message assistant" },
      this.thinkingBox,
      this.body,
      this.callsBox,
      this.sourcesBox,
      this.meta,
    );
    log.append(this.element);
  }

  /** Folds one streamed chunk into the answer. */
  add(chunk) {
    if (chunk.model) this.model = chunk.model;
    const choice = chunk.choices?.[0];
    if (choice?.finish_reason) this.finishReason = choice.finish_reason;
    const delta = choice?.delta ?? {};
    if (delta.reasoning_content) this.thinking += delta.reasoning_content;
    if (delta.content) this.text += delta.content;
    for (const call of delta.tool_calls ?? []) {
      const known = this.calls[call.index] ??= {
        id: "",
        type: "function",
        function: { name: "", arguments: "" },
      };
      if (call.id) known.id = call.id;
      if (call.extra_content) known.extra_content = call.extra_content;
      if (call.function?.name) known.function.name += call.function.name;
      if (call.function?.arguments) known.function.arguments += call.function.arguments;
    }
    for (const annotation of delta.annotations ?? []) {
      const citation = annotation.url_citation;
      if (citation?.url && !this.citations.has(citation.url)) {
        this.citations.set(citation.url, citation.title || citation.url);
      }
    }
    if (chunk.usage) this.usage = chunk.usage;
    this.schedule();
  }

  /** Renders soon, once for the chunks that arrive meanwhile (timers run in background tabs). */
  schedule() {
    if (this.scheduled || this.finished) return;
    this.scheduled = setTimeout(() => {
      this.scheduled = undefined;
      this.render();
    }, RENDER_INTERVAL_MS);
  }

  /** Renders the final state; nothing renders after it. */
  finish() {
    clearTimeout(this.scheduled);
    this.finished = true;
    this.render();
    this.element.dataset.done = "true";
  }

  render() {
    this.thinkingBox.hidden = !this.thinking;
    this.thinkingBody.replaceChildren(renderMarkdown(this.thinking));
    this.body.replaceChildren(renderMarkdown(this.text));
    if (this.finished && !this.interrupted && !this.text && !this.calls.length) {
      this.body.append(h("p", { class: "hint" }, "(Gemini gave no answer.)"));
    }
    this.callsBox.replaceChildren(...this.calls.map((call) => {
      let args = call.function.arguments;
      try {
        args = JSON.stringify(JSON.parse(args || "{}"), null, 2);
      } catch {
        // shown as it came
      }
      return h(
        "details",
        { class: "tool-call", open: true },
        h("summary", {}, "Tool call: ", h("code", {}, call.function.name)),
        h("pre", {}, h("code", {}, args)),
      );
    }));
    this.sourcesBox.hidden = this.citations.size === 0;
    this.sources.replaceChildren(
      ...[...this.citations].map(([url, title]) => h("li", {}, link(url, title))),
    );
    const usage = this.usage ? ` · ${this.usage.total_tokens} tokens` : "";
    const finish = FINISH_NOTES[this.finishReason];
    this.meta.textContent = this.model ? `${this.model}${usage}${this.note ?? ""}` : "";
    if (finish) this.meta.append(h("span", { class: "finish" }, ` · ${finish}`));
    const log = this.element.parentElement;
    if (log) log.scrollTop = log.scrollHeight;
  }

  /** Shows a failure under the answer (which is then no empty answer, only a cut one). */
  fail(message) {
    this.interrupted = true;
    this.element.append(h("div", { class: "error" }, message));
  }
}

function userView(log, content) {
  const parts = typeof content === "string" ? [{ type: "text", text: content }] : content;
  log.append(h(
    "div",
    { class: "message user" },
    ...parts.map((part) =>
      part.type === "image_url"
        ? h("img", { src: part.image_url.url, alt: "attachment", class: "thumb" })
        : h("div", { class: "markdown" }, renderMarkdown(part.text))
    ),
  ));
}

function toolResultView(log, calls, result) {
  log.append(h(
    "div",
    { class: "message user tool-result" },
    `Result of ${calls.map((call) => call.function.name).join(", ")}: `,
    h("code", {}, result),
  ));
}

function readTools() {
  const text = byId("chat-tools").value.trim();
  if (!text) return undefined;
  const tools = JSON.parse(text);
  if (!Array.isArray(tools)) throw new Error("Tools must be a JSON array of OpenAI tools.");
  return tools;
}

function setRunning(running) {
  byId("chat-send").disabled = running;
  byId("chat-stop").disabled = !running;
  byId("chat-retry").disabled = running || state.messages.length === 0;
}

/** Streams the answer to the conversation so far. */
async function run() {
  const status = byId("chat-status");
  const log = byId("chat-log");
  let tools;
  try {
    tools = readTools();
  } catch (error) {
    setStatus(status, `Tools: ${error.message} (fix them, then Retry)`, "error");
    setRunning(false);
    return;
  }
  const conversation = state.messages;
  const body = {
    model: byId("chat-model").value || undefined,
    messages: state.messages,
    stream: true,
    stream_options: { include_usage: true },
  };
  const effort = byId("chat-effort").value;
  if (effort) body.reasoning_effort = effort;
  if (byId("chat-search").checked) body.web_search_options = {};
  // Gemini's image models draw only when asked for images too.
  if (IMAGE_MODEL.test(body.model ?? "")) body.google = { response_modalities: ["TEXT", "IMAGE"] };
  if (tools) body.tools = tools;
  const view = new AnswerView(log);
  state.controller = new AbortController();
  setRunning(true);
  setStatus(status, "Answering…");
  try {
    const response = await call("/v1/chat/completions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: state.controller.signal,
    });
    if (!response.ok) throw new Error(await errorMessage(response));
    const substituted = response.headers.get("x-gateway-model-substituted");
    if (substituted) view.note = ` (${substituted})`;
    await readEvents(response, (chunk) => {
      if (chunk.error) throw new Error(chunk.error.message ?? JSON.stringify(chunk.error));
      view.add(chunk);
    });
    setStatus(status, "");
  } catch (error) {
    if (error.name === "AbortError") {
      view.interrupted = true;
      setStatus(status, "Stopped.");
    } else {
      view.fail(error.message);
      setStatus(status, "The request failed.", "error");
    }
  } finally {
    view.finish();
    // Unless the conversation was cleared meanwhile, the answer (even a stopped one) joins it.
    if (state.messages === conversation) {
      const message = { role: "assistant", content: view.text || null };
      if (view.calls.length) message.tool_calls = view.calls;
      if (view.text || view.calls.length) conversation.push(message);
      awaitResults(view.calls);
    }
    state.controller = undefined;
    setRunning(false);
  }
}

/** The message field's own placeholder, from the page. */
let placeholder = "";

/** Makes the next message the result of `calls` (none: an ordinary message). */
function awaitResults(calls) {
  state.pendingCalls = calls;
  byId("chat-input").placeholder = calls.length
    ? `Result of ${calls.map((call) => call.function.name).join(", ")} (sent as the tool's answer)`
    : placeholder;
}

function send() {
  const input = byId("chat-input");
  const text = input.value.trim();
  if (!text && state.attachments.length === 0) return;
  const log = byId("chat-log");
  if (state.pendingCalls.length) {
    const calls = state.pendingCalls;
    for (const call of calls) {
      state.messages.push({ role: "tool", tool_call_id: call.id, content: text });
    }
    toolResultView(log, calls, text);
  } else {
    const content = state.attachments.length
      ? [
        ...(text ? [{ type: "text", text }] : []),
        ...state.attachments.map((url) => ({ type: "image_url", image_url: { url } })),
      ]
      : text;
    state.messages.push({ role: "user", content });
    userView(log, content);
  }
  awaitResults([]);
  state.attachments = [];
  byId("chat-attachments").replaceChildren();
  input.value = "";
  run();
}

/** Drops the last answer and asks again. */
function retry() {
  const log = byId("chat-log");
  if (state.messages.at(-1)?.role === "assistant") state.messages.pop();
  const last = log.lastElementChild;
  if (last?.classList.contains("assistant")) last.remove();
  awaitResults([]);
  if (state.messages.length) run();
}

function attach(files) {
  for (const file of files) {
    const reader = new FileReader();
    reader.onload = () => {
      state.attachments.push(reader.result);
      byId("chat-attachments").append(
        h("img", { src: reader.result, alt: file.name, class: "thumb" }),
      );
    };
    reader.readAsDataURL(file);
  }
}

/** Builds the chat panel. */
export function initChat() {
  placeholder = byId("chat-input").placeholder;
  byId("chat-form").addEventListener("submit", (event) => {
    event.preventDefault();
    if (!state.controller) send();
  });
  byId("chat-input").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (!state.controller) send();
    }
  });
  byId("chat-stop").addEventListener("click", () => state.controller?.abort());
  byId("chat-retry").addEventListener("click", retry);
  byId("chat-clear").addEventListener("click", () => {
    state.controller?.abort();
    state.messages = [];
    awaitResults([]);
    byId("chat-log").replaceChildren();
    setRunning(false);
  });
  byId("chat-file").addEventListener("change", (event) => {
    attach(event.target.files);
    event.target.value = "";
  });
  byId("chat-tools-example").addEventListener("click", () => {
    byId("chat-tools").value = JSON.stringify(EXAMPLE_TOOLS, null, 2);
  });
  const model = byId("chat-model");
  model.addEventListener("change", () => localStorage.setItem(MODEL_ITEM, model.value));
  return {
    async refresh(description) {
      const status = byId("chat-status");
      if (!canCall(description)) {
        setStatus(status, "Enter your Gemini API key or the gateway's access token above.");
        return;
      }
      try {
        const ids = await listModels();
        const chat = ids.filter((id) => !NOT_CHAT.test(id));
        fillSelect(
          model,
          chat.length ? chat : ids,
          localStorage.getItem(MODEL_ITEM) ?? "gemini-flash-latest",
        );
        setStatus(status, "");
      } catch (error) {
        setStatus(status, `Models: ${error.message} (enter a key or token above)`, "error");
      }
    },
  };
}
