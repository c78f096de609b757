/**
 * What `deno task bench` sends: one row per API the gateway serves. Adding an API is one line in
 * {@linkcode SCENARIOS}: its request, and the relay request doing the same Gemini work (the bare
 * relay in `relay.ts` speaks only OpenAI's chat, models and embeddings).
 * @module
 */

/** One HTTP request, sent to whichever server is measured. */
export interface BenchRequest {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
}

/** One row of the throughput table. */
export interface Scenario {
  name: string;
  /** What the gateway is sent. */
  gateway: BenchRequest;
  /** What the relay is sent for the same Gemini work; `gateway` when absent. */
  relay?: BenchRequest;
  /** The Gemini call itself, sent straight to the fake (the floor); none when absent. */
  direct?: BenchRequest;
  /** For streams: the first streamed text, as it appears in the body (for time to first text). */
  firstText?: RegExp;
}

/** The prompt of every chat scenario. */
export const PROMPT = "Summarise the plot of Hamlet in two sentences.";
/** The model of every chat scenario. */
export const CHAT_MODEL = "gemini-3.8-flash";
const messages = [{ role: "user", content: PROMPT }];
const TEXTS = Array.from({ length: 8 }, (_, i) => `Sentence ${i}: the quick brown fox.`);
const EMBEDDING_MODEL = "gemini-embedding-001";
const contents = [{ role: "user", parts: [{ text: PROMPT }] }];
const gemini = (method: string, model = CHAT_MODEL) => `/v1beta/models/${model}:${method}`;

/** A request with a JSON body. */
export const post = (path: string, body: unknown): BenchRequest => ({ method: "POST", path, body });

/** OpenAI chat completions, as the relay and the gateway both serve them. */
export const CHAT = post("/v1/chat/completions", { model: CHAT_MODEL, messages });
/** The same, streamed. */
export const CHAT_STREAM = post("/v1/chat/completions", {
  model: CHAT_MODEL,
  messages,
  stream: true,
});
/** Where streamed text shows in Gemini's own events (the `direct` requests). */
export const GEMINI_TEXT = /"text": ?"[^"]/;
/** Where streamed text shows in OpenAI's chunks. */
export const OPENAI_TEXT = /"content":"[^"]/;

/** Every scenario, in the order printed. */
export const SCENARIOS: Scenario[] = [
  {
    name: "chat, non-streaming",
    gateway: CHAT,
    direct: post(gemini("generateContent"), { contents }),
  },
  {
    name: "chat, streaming",
    gateway: CHAT_STREAM,
    firstText: OPENAI_TEXT,
    direct: post(`${gemini("streamGenerateContent")}?alt=sse`, { contents }),
  },
  {
    name: "models list",
    gateway: { method: "GET", path: "/v1/models" },
    direct: { method: "GET", path: "/v1beta/models?pageSize=1000" },
  },
  {
    name: "embeddings, 8 texts",
    gateway: post("/v1/embeddings", {
      model: EMBEDDING_MODEL,
      input: TEXTS,
      encoding_format: "base64",
    }),
    direct: post(gemini("batchEmbedContents", EMBEDDING_MODEL), {
      requests: TEXTS.map((text) => ({
        model: `models/${EMBEDDING_MODEL}`,
        content: { parts: [{ text }] },
      })),
    }),
  },
  {
    name: "ollama chat, streaming",
    gateway: post("/api/chat", { model: CHAT_MODEL, messages }),
    relay: CHAT_STREAM,
    firstText: /"content":"[^"]/,
  },
  {
    name: "anthropic messages, streaming",
    gateway: post("/v1/messages", { model: CHAT_MODEL, max_tokens: 1024, messages, stream: true }),
    relay: CHAT_STREAM,
    firstText: /"(text|content)":"[^"]/,
  },
  {
    name: "responses, streaming",
    gateway: post("/v1/responses", {
      model: CHAT_MODEL,
      input: PROMPT,
      stream: true,
      store: false,
    }),
    relay: CHAT_STREAM,
    firstText: /"(delta|content)":"[^"]/,
  },
];

/** A `fetch` of `request` against `origin`, with a key as the gateway and the relay read it. */
export function sender(origin: string, request: BenchRequest): () => Promise<Response> {
  const url = `${origin}${request.path}`;
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  // The gateway and the relay read a bearer key, Gemini (the fake, sent `direct` requests) its own.
  const headers: Record<string, string> = request.path.startsWith("/v1beta/")
    ? { "x-goog-api-key": "bench-key" }
    : { authorization: "Bearer bench-key" };
  if (body !== undefined) headers["content-type"] = "application/json";
  return () => fetch(url, { method: request.method, body, headers });
}
