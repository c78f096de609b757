// What to paste into each kind of tool to point it at this gateway, by API id (the ids of
// `src/console/apis.ts`). Pure: the set-up panel renders them, and the tests run them.

/** The placeholder the snippets show where the user's key or access token goes. */
export const KEY = "your-gemini-key-or-token";

/** `curl` lines, one option a line, continued with backslashes. */
function curl(...lines) {
  return ["curl", ...lines].join(" \\\n  ");
}

/** Set-up snippets for a gateway at `origin`: `{ [apiId]: [title, text][] }`. */
export function snippets(origin) {
  const auth = `-H "Authorization: Bearer ${KEY}"`;
  const json = '-H "Content-Type: application/json"';
  const post = (path, body) => curl(`${origin}${path}`, auth, json, `-d '${JSON.stringify(body)}'`);
  return {
    openai: [
      ["OpenAI SDKs and apps (Cursor, Open WebUI, ChatBox…): base URL", `${origin}/v1`],
      ["Environment", `export OPENAI_BASE_URL=${origin}/v1\nexport OPENAI_API_KEY=${KEY}`],
    ],
    responses: [
      [
        "Codex: ~/.codex/config.toml",
        [
          'model = "gemini-flash-latest"',
          'model_provider = "gemini-gateway"',
          "",
          "[model_providers.gemini-gateway]",
          'name = "Gemini gateway"',
          `base_url = "${origin}/v1"`,
          'env_key = "GEMINI_API_KEY"',
          'wire_api = "responses"',
        ].join("\n"),
      ],
      ["Codex: the key, in the environment it runs in", `export GEMINI_API_KEY=${KEY}`],
    ],
    embeddings: [[
      "Embeddings",
      post("/v1/embeddings", { model: "gemini-embedding-001", input: "Hello, Gemini" }),
    ]],
    completions: [[
      "Legacy completions",
      post("/v1/completions", { model: "gemini-flash-latest", prompt: "Once upon a time" }),
    ]],
    images: [[
      "Images (the picture comes back as b64_json)",
      post("/v1/images/generations", {
        model: "gemini-3.1-flash-image",
        prompt: "A lighthouse at dawn",
      }),
    ]],
    speech: [[
      "Speech (writes speech.mp3)",
      `${
        post("/v1/audio/speech", {
          model: "gemini-3.8-flash-tts",
          input: "Hello from Gemini",
          voice: "Kore",
        })
      } \\\n  -o speech.mp3`,
    ]],
    transcription: [[
      "Speech to text (of speech.mp3)",
      curl(
        `${origin}/v1/audio/transcriptions`,
        auth,
        "-F model=gemini-3.5-transcribe",
        "-F file=@speech.mp3",
      ),
    ]],
    translation: [[
      "Speech translated into English",
      curl(
        `${origin}/v1/audio/translations`,
        auth,
        "-F model=gemini-3.5-transcribe",
        "-F file=@speech.mp3",
      ),
    ]],
    anthropic: [[
      "Claude Code and Anthropic SDKs",
      `export ANTHROPIC_BASE_URL=${origin}\nexport ANTHROPIC_AUTH_TOKEN=${KEY}\n` +
      "export CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1",
    ]],
    ollama: [
      [
        "Ollama clients (Open WebUI, Copilot, Zed, Continue…): Ollama URL. Most send no key: " +
        "they need the gateway's server keys",
        origin,
      ],
      ["Environment", `export OLLAMA_HOST=${origin}`],
    ],
    "ollama-chat": [[
      "Ollama chat",
      post("/api/chat", {
        model: "gemini-flash-latest",
        messages: [{ role: "user", content: "Hello!" }],
        stream: false,
      }),
    ]],
    "ollama-embed": [[
      "Ollama embeddings",
      post("/api/embed", { model: "gemini-embedding-001", input: "Hello, Gemini" }),
    ]],
    live: [
      ["Live API WebSocket", `${origin.replace(/^http/, "ws")}/ws?key=${KEY}`],
      [
        "@google/genai, for its Live sessions (the gateway serves no other Gemini route)",
        `const ai = new GoogleGenAI({ apiKey, httpOptions: { baseUrl: "${origin}" } });\n` +
        'const session = await ai.live.connect({ model: "gemini-3.8-live", callbacks });',
      ],
    ],
  };
}
