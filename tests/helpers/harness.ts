/**
 * Starts the fake Gemini and the gateway in front of it, both on loopback, for end-to-end tests.
 * @module
 */

import OpenAI from "npm:openai@7.57.0";
import { createHandler } from "../../src/app.ts";
import { type Config, loadConfig } from "../../src/config.ts";
import { type FakeGemini, startFakeGemini } from "../../src/fake/server.ts";
import type { GenerateContentRequest } from "../../src/gemini/types.ts";

/** A running gateway wired to a running fake Gemini. */
export interface Gateway extends AsyncDisposable {
  /** The gateway's origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  fake: FakeGemini;
  config: Config;
  /** The official OpenAI SDK pointed at the gateway, with the key `test-key`. */
  openai: OpenAI;
  /** `fetch` against the gateway with `Authorization: Bearer test-key`. */
  request(path: string, init?: RequestInit): Promise<Response>;
}

/** Starts both servers; `env` overrides settings as environment variables would. */
export function startGateway(env: Record<string, string> = {}): Promise<Gateway> {
  const fake = startFakeGemini();
  const config = loadConfig((name) =>
    env[name] ?? { GEMINI_BASE_URL: fake.url, ALLOW_PRIVATE_URL_FETCH: "true" }[name]
  );
  const server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen: () => {} },
    createHandler(config),
  );
  const url = `http://127.0.0.1:${server.addr.port}`;
  return Promise.resolve({
    url,
    fake,
    config,
    openai: new OpenAI({ apiKey: "test-key", baseURL: `${url}/v1`, maxRetries: 0 }),
    request(path, init = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has("authorization")) headers.set("authorization", "Bearer test-key");
      return fetch(`${url}${path}`, { ...init, headers });
    },
    async [Symbol.asyncDispose]() {
      await server.shutdown();
      await fake.close();
    },
  });
}

/** The body of the last request the fake Gemini received. */
export function sent(gateway: Gateway): GenerateContentRequest {
  return gateway.fake.requests.at(-1)!.body as GenerateContentRequest;
}
