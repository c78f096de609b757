/**
 * Embeddings throughput: texts per second through the gateway's `POST /v1/embeddings` against
 * the same texts sent straight to the fake Gemini's `batchEmbedContents`.
 * @module
 */

import { ModelAliases } from "../src/core/model_name.ts";
import { toEmbeddingPlan } from "../src/openai/embeddings/request.ts";
import { runLoad } from "./load.ts";

/** The model both sides embed with. */
const MODEL = "gemini-embedding-001";

/** One full Gemini batch of texts per request. */
const TEXTS = Array.from(
  { length: 100 },
  (_, i) => `Sentence ${i}: the quick brown fox jumps over the lazy dog.`,
);

/** Upper bound on requests per side, whatever the time. */
const MAX_REQUESTS = 20_000;

/** Texts per second on each side, and the gateway's share of the direct rate. */
export interface EmbeddingsBenchResult {
  proxy: { textsPerSecond: number };
  direct: { textsPerSecond: number };
  /** `proxy.textsPerSecond / direct.textsPerSecond`. */
  ratio: number;
}

/**
 * Measures, for `seconds` each with `concurrency` clients, 100-text requests through the gateway
 * at `proxyUrl` (as the openai SDK sends them: base64) and the equivalent `batchEmbedContents`
 * calls straight to the fake Gemini at `fakeUrl`. Throws if any request fails.
 */
export async function benchEmbeddings(
  proxyUrl: string,
  fakeUrl: string,
  options: { seconds: number; concurrency: number },
): Promise<EmbeddingsBenchResult> {
  const post = (url: string, body: unknown, headers: Record<string, string>) => {
    const text = JSON.stringify(body);
    return () =>
      fetch(url, {
        method: "POST",
        body: text,
        headers: { "content-type": "application/json", ...headers },
      });
  };
  const [batch] =
    toEmbeddingPlan({ model: MODEL, input: TEXTS }, MODEL, new ModelAliases()).batches;
  const load = { ...options, maxRequests: MAX_REQUESTS };
  const direct = await runLoad(
    post(`${fakeUrl}/v1beta/models/${MODEL}:batchEmbedContents`, batch, {
      "x-goog-api-key": "bench-key",
    }),
    load,
  );
  const proxy = await runLoad(
    post(`${proxyUrl}/v1/embeddings`, { model: MODEL, input: TEXTS, encoding_format: "base64" }, {
      authorization: "Bearer bench-key",
    }),
    load,
  );
  if (direct.failures || proxy.failures) {
    throw new Error(
      `embeddings: ${direct.failures} direct and ${proxy.failures} gateway requests failed`,
    );
  }
  const directRate = direct.requestsPerSecond * TEXTS.length;
  const proxyRate = proxy.requestsPerSecond * TEXTS.length;
  return {
    proxy: { textsPerSecond: proxyRate },
    direct: { textsPerSecond: directRate },
    ratio: proxyRate / directRate,
  };
}
