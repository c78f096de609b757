/**
 * Stored responses, for `previous_response_id`, `GET /responses/{id}`, `DELETE` and
 * `input_items`: kept in Deno KV (a local SQLite file by default, the path of
 * `RESPONSES_KV_PATH`, `:memory:` in tests, the managed store on Deno Deploy), with an expiry.
 *
 * A response is scoped to the credential that made it: the key is a SHA-256 hash of the
 * credential (never the credential itself), so another key or token neither reads nor
 * continues it. Values are split into chunks under KV's 64 KiB limit. When KV cannot be opened,
 * the store is unavailable: responses are answered but not kept.
 * @module
 */

import type { Config } from "../../config.ts";
import { presentedKey } from "../../http/auth.ts";
import type { Response } from "./types.ts";

/** What is kept of one response. */
export interface StoredResponse {
  response: Response;
  /** The items of the request's own `input`, with ids. */
  input: Record<string, unknown>[];
  /** The items the conversation had before this response's output: history, then `input`. */
  context: unknown[];
}

/** The largest chunk written to one KV value (KV allows 64 KiB). */
const CHUNK_BYTES = 60_000;
/** Chunks written per atomic operation. */
const CHUNKS_PER_COMMIT = 10;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The scope of `request`'s stored responses: a hash of its credential. */
export async function credentialScope(request: Request): Promise<string> {
  const credential = presentedKey(request) ?? "";
  const digest = await crypto.subtle.digest("SHA-256", encoder.encode(`responses:${credential}`));
  return new Uint8Array(digest).toBase64({ alphabet: "base64url", omitPadding: true });
}

/** Responses kept in one Deno KV database. */
export class ResponseStore {
  readonly #kv: Promise<Deno.Kv | undefined>;
  readonly #ttlMs: number;
  /** Saves not yet committed, by id, so that a read right after a stream waits for them. */
  readonly #pending = new Map<string, Promise<void>>();

  constructor(path: string | undefined, ttlSeconds: number) {
    this.#ttlMs = ttlSeconds * 1000;
    this.#kv = openKv(path);
  }

  /** Whether responses can be kept. */
  async available(): Promise<boolean> {
    return (await this.#kv) !== undefined;
  }

  /** Keeps `record` under `scope`; resolves once committed (a failure is logged, not thrown). */
  save(scope: string, record: StoredResponse): Promise<void> {
    const id = record.response.id;
    const saving = this.#write(scope, record).catch((error) => {
      console.error("could not store response:", error instanceof Error ? error.message : error);
    }).finally(() => this.#pending.delete(id));
    this.#pending.set(id, saving);
    return saving;
  }

  /** The response `id` of `scope`, if it is kept. */
  async get(scope: string, id: string): Promise<StoredResponse | undefined> {
    await this.#pending.get(id);
    const kv = await this.#kv;
    if (!kv) return undefined;
    const meta = await kv.get<{ chunks: number }>(["responses", scope, id]);
    if (!meta.value) return undefined;
    const parts: Uint8Array[] = [];
    for await (const entry of kv.list<Uint8Array>({ prefix: ["response_chunks", scope, id] })) {
      parts.push(entry.value);
    }
    if (parts.length !== meta.value.chunks) return undefined;
    const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    return JSON.parse(decoder.decode(bytes));
  }

  /** Removes the response `id` of `scope`; false when there was none. */
  async delete(scope: string, id: string): Promise<boolean> {
    await this.#pending.get(id);
    const kv = await this.#kv;
    if (!kv) return false;
    const meta = await kv.get<{ chunks: number }>(["responses", scope, id]);
    if (!meta.value) return false;
    await kv.delete(["responses", scope, id]);
    for await (const entry of kv.list({ prefix: ["response_chunks", scope, id] })) {
      await kv.delete(entry.key);
    }
    return true;
  }

  /** Closes the database. */
  async close(): Promise<void> {
    await Promise.all(this.#pending.values());
    (await this.#kv)?.close();
  }

  async #write(scope: string, record: StoredResponse): Promise<void> {
    const kv = await this.#kv;
    if (!kv) return;
    const bytes = encoder.encode(JSON.stringify(record));
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
      chunks.push(bytes.subarray(at, at + CHUNK_BYTES));
    }
    const options = { expireIn: this.#ttlMs };
    const id = record.response.id;
    for (let first = 0; first < chunks.length; first += CHUNKS_PER_COMMIT) {
      const atomic = kv.atomic();
      chunks.slice(first, first + CHUNKS_PER_COMMIT).forEach((chunk, offset) =>
        atomic.set(["response_chunks", scope, id, first + offset], chunk, options)
      );
      await atomic.commit();
    }
    // The entry that makes the response visible is written last, once its chunks are all there.
    await kv.set(["responses", scope, id], { chunks: chunks.length }, options);
  }
}

async function openKv(path: string | undefined): Promise<Deno.Kv | undefined> {
  try {
    return await Deno.openKv(path);
  } catch (error) {
    console.error(
      "response storage is unavailable (Deno KV could not be opened):",
      error instanceof Error ? error.message : error,
    );
    return undefined;
  }
}

const stores = new WeakMap<Config, ResponseStore>();

/** The store of a configuration, opened on first use; undefined when storage is off. */
export function responseStore(config: Config): ResponseStore | undefined {
  if (!config.responsesStore) return undefined;
  let store = stores.get(config);
  if (!store) {
    store = new ResponseStore(config.responsesKvPath, config.responsesTtlSeconds);
    stores.set(config, store);
  }
  return store;
}

/** Closes the store of `config`, if one was opened. */
export async function closeResponseStore(config: Config): Promise<void> {
  await stores.get(config)?.close();
  stores.delete(config);
}
