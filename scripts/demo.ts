/**
 * `deno task demo`: the gateway wired to the bundled fake Gemini, to try every endpoint (and the
 * console at `/`) offline with any key.
 * @module
 */

import { createHandler } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { startFakeGemini } from "../src/fake/server.ts";

const fake = startFakeGemini({ port: Number(Deno.env.get("FAKE_PORT") ?? 0) });
const config = loadConfig((name) => name === "GEMINI_BASE_URL" ? fake.url : Deno.env.get(name));
const server = Deno.serve({ port: config.port, onListen: () => {} }, createHandler(config));
const root = `http://localhost:${server.addr.port}`;
const base = `${root}/v1`;
const auth = `-H "Authorization: Bearer any-key"`;
const json = `-H "Content-Type: application/json"`;

console.log(`Console: ${root}/  (open it in a browser; any key works, e.g. "demo-key")

Gateway on ${base}, in front of the fake Gemini on ${fake.url}. Try:

curl ${base}/models ${auth}

curl ${base}/chat/completions ${auth} ${json} \\
  -d '{"model":"gemini-3.8-flash","messages":[{"role":"user","content":"Hello!"}]}'

curl -N ${base}/chat/completions ${auth} ${json} \\
  -d '{"model":"gemini-flash-latest","stream":true,"messages":[{"role":"user","content":"Hello!"}]}'

curl ${base}/chat/completions ${auth} ${json} \\
  -d '{"model":"gemini-4-argon","reasoning_effort":"high","messages":[{"role":"user","content":"What is the weather in Paris?"}],"tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]}'

curl ${base}/embeddings ${auth} ${json} \\
  -d '{"model":"gemini-embedding-001","input":["first text","second text"],"dimensions":4}'

Ollama clients: point them at ${root} (run the demo with GEMINI_API_KEYS=any-key for clients
that send no key), or:

curl ${root}/api/chat ${auth} \\
  -d '{"model":"gemini-3.8-flash:latest","messages":[{"role":"user","content":"Hello!"}]}'

Live API: ws://localhost:${server.addr.port}/ws?key=any-key

Keys starting with "invalid" get Gemini's API_KEY_INVALID answer. Ctrl+C stops.`);
