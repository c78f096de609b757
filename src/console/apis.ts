/**
 * The client APIs the gateway serves, as `GET /` lists them and the console shows them. A new
 * dialect adds one line to {@linkcode APIS}.
 * @module
 */

/** One client API the gateway serves. */
export interface ApiDescription {
  /** Stable id the console keys its set-up instructions by, e.g. `openai`. */
  id: string;
  /** Display name. */
  name: string;
  /** The path clients are pointed at (their base URL is the gateway's origin plus this). */
  base: string;
  /** The routes, as `METHOD /path`. */
  endpoints: string[];
}

function api(id: string, name: string, base: string, endpoints: string): ApiDescription {
  return { id, name, base, endpoints: endpoints.split(", ") };
}

/** Every API the gateway serves, in the order the console lists them: one entry each. */
export const APIS: readonly ApiDescription[] = [
  api("openai", "OpenAI", "/v1", "GET /v1/models, GET /v1/models/{id}, POST /v1/chat/completions"),
  api(
    "responses",
    "OpenAI Responses (Codex)",
    "/v1",
    "POST /v1/responses, POST /v1/responses/compact, POST /v1/responses/input_tokens, " +
      "GET /v1/responses/{id}, DELETE /v1/responses/{id}, GET /v1/responses/{id}/input_items, " +
      "POST /v1/responses/{id}/cancel",
  ),
  api("embeddings", "OpenAI embeddings", "/v1", "POST /v1/embeddings"),
  api("completions", "OpenAI legacy completions", "/v1", "POST /v1/completions"),
  api("images", "OpenAI images", "/v1", "POST /v1/images/generations, POST /v1/images/edits"),
  api("speech", "OpenAI speech", "/v1", "POST /v1/audio/speech"),
  api("transcription", "OpenAI speech to text", "/v1", "POST /v1/audio/transcriptions"),
  api("translation", "OpenAI speech translation", "/v1", "POST /v1/audio/translations"),
  api("anthropic", "Anthropic Messages", "/", "POST /v1/messages, POST /v1/messages/count_tokens"),
  api("ollama", "Ollama", "/", "GET /api/tags, POST /api/show, GET /api/ps, GET /api/version"),
  api("ollama-chat", "Ollama chat", "/", "POST /api/chat, POST /api/generate, POST /api/pull"),
  api("ollama-embed", "Ollama embeddings", "/", "POST /api/embed, POST /api/embeddings"),
  api("live", "Gemini Live (WebSocket)", "/ws", "GET /ws"),
  api("keys", "Key pool", "/v1/gateway/keys", "GET /v1/gateway/keys"),
];
