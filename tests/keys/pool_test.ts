import assert from "node:assert/strict";
import { fromGeminiError, GatewayError } from "../../src/core/errors.ts";
import { keyRefusal } from "../../src/fake/auth.ts";
import { canonicalError } from "../../src/fake/wire.ts";
import { fingerprint, KeyPool } from "../../src/keys/pool.ts";

const MODEL = "gemini-2.5-flash";

/** A pool on a clock the test moves, with its warnings collected. */
function pool(keys: string[], start = Date.parse("2026-07-15T12:00:00Z")) {
  const clock = { now: start };
  const warnings: string[] = [];
  const keyPool = new KeyPool(keys, {
    now: () => clock.now,
    warn: (message) => warnings.push(message),
  });
  return { pool: keyPool, clock, warnings };
}

/** An attempt that answers as the fake Gemini would for the key, recording the keys used. */
function gemini(used: string[], model = MODEL) {
  return (key: string) => {
    used.push(key);
    const refusal = keyRefusal(key, model);
    if (refusal) {
      return Promise.reject(fromGeminiError(refusal.error.code, JSON.stringify(refusal)));
    }
    return Promise.resolve(`answer with ${key}`);
  };
}

const rejectsWith =
  (status: number, check: (error: GatewayError) => void = () => {}) => (error: unknown) => {
    assert.ok(error instanceof GatewayError);
    assert.equal(error.status, status);
    check(error);
    return true;
  };

Deno.test("spreads calls over the keys in turn", async () => {
  const { pool: keys } = pool(["good-a", "good-b", "good-c"]);
  const used: string[] = [];
  for (let call = 0; call < 4; call++) await keys.use(MODEL, gemini(used));
  assert.deepEqual(used, ["good-a", "good-b", "good-c", "good-a"]);
});

Deno.test("a 429 cools the key for its RetryInfo delay and the call moves on at once", async () => {
  const { pool: keys, clock } = pool(["quota-minute-a", "good-b"]);
  const used: string[] = [];
  assert.equal(await keys.use(MODEL, gemini(used)), "answer with good-b");
  assert.deepEqual(used, ["quota-minute-a", "good-b"]);
  used.length = 0;
  await keys.use(MODEL, gemini(used));
  await keys.use(MODEL, gemini(used));
  assert.deepEqual(used, ["good-b", "good-b"], "the cooling key is skipped");
  clock.now += 25_000;
  await keys.use(MODEL, gemini(used));
  assert.deepEqual(used.at(-1), "good-b");
  clock.now += 1_000;
  used.length = 0;
  await keys.use(MODEL, gemini(used));
  await keys.use(MODEL, gemini(used));
  assert.ok(used.includes("quota-minute-a"), "back after 26 s");
});

Deno.test("a 429 without RetryInfo cools the key for 60 s", async () => {
  const { pool: keys, clock } = pool(["quota-minute-none-a", "good-b"]);
  await keys.use(MODEL, gemini([]));
  const [status] = await keys.status();
  assert.equal(status.state, "cooling");
  assert.equal(status.cooling_until[MODEL], new Date(clock.now + 60_000).toISOString());
});

Deno.test("a per-day 429 cools the key until midnight Pacific time", async () => {
  const { pool: keys } = pool(["quota-day-a", "good-b"], Date.parse("2026-07-15T12:00:00Z"));
  await keys.use(MODEL, gemini([]));
  const [status] = await keys.status();
  assert.deepEqual(status.cooling_until, { [MODEL]: "2026-07-16T07:00:00.000Z" });
});

Deno.test("a key cools for one model only", async () => {
  const { pool: keys } = pool(["quota-minute-a", "good-b"]);
  await keys.use(MODEL, gemini([]));
  const used: string[] = [];
  const answer = (key: string) => {
    used.push(key);
    return Promise.resolve(key);
  };
  await keys.use("gemini-2.5-pro", answer);
  await keys.use("", answer);
  await keys.use(MODEL, answer);
  assert.deepEqual(used, ["quota-minute-a", "good-b", "good-b"], "usable for other models");
});

Deno.test("every key cooling: a 429 with Retry-After set to the soonest recovery", async () => {
  const { pool: keys, clock } = pool(["quota-minute-40s-a", "quota-minute-5s-b", "quota-day-c"]);
  await assert.rejects(
    keys.use(MODEL, gemini([])),
    rejectsWith(429, (error) => {
      assert.equal(error.headers["retry-after"], "5");
      assert.equal(error.code, "rate_limit_exceeded");
      assert.match(error.message, /gemini-2\.5-flash/);
    }),
  );
  clock.now += 2_000;
  const used: string[] = [];
  await assert.rejects(
    keys.use(MODEL, gemini(used)),
    rejectsWith(429, (error) => assert.equal(error.headers["retry-after"], "3")),
  );
  assert.deepEqual(used, [], "no call while every key cools");
  assert.deepEqual((await keys.status()).map((key) => key.rate_limited), [1, 1, 1]);
});

Deno.test("a key Gemini refuses is taken out, the call retried, and the log names no key", async () => {
  const { pool: keys, warnings } = pool(["invalid-a", "leaked-b", "good-c"]);
  const used: string[] = [];
  assert.equal(await keys.use(MODEL, gemini(used)), "answer with good-c");
  await keys.use(MODEL, gemini(used));
  assert.deepEqual(used, ["invalid-a", "leaked-b", "good-c", "good-c"]);
  const status = await keys.status(); // the warnings, waiting on the same fingerprints, came first
  assert.equal(warnings.length, 2);
  const invalid = warnings.find((line) => line.includes(" (API_KEY_INVALID)"));
  assert.match(invalid ?? "", new RegExp(`server key ${await fingerprint("invalid-a")} `));
  assert.ok(warnings.every((line) => !/invalid-a|leaked-b|good-c/.test(line)));
  assert.deepEqual(status.map((key) => key.state), ["rejected", "rejected", "usable"]);
  assert.equal(status[1].rejected_reason, "PERMISSION_DENIED");
});

Deno.test("every key refused: a 503 that names no key", async () => {
  const { pool: keys } = pool(["invalid-a", "invalid-b"]);
  await assert.rejects(
    keys.use(MODEL, gemini([])),
    rejectsWith(503, (error) => assert.equal(error.code, "server_keys_rejected")),
  );
  await assert.rejects(() => Promise.resolve().then(() => keys.lease("")), rejectsWith(503));
});

Deno.test("a 500 or 503 is retried once, on another key", async () => {
  const { pool: keys } = pool(["good-a", "good-b", "good-c"]);
  const used: string[] = [];
  const failing = (statuses: number[]) => (key: string) => {
    used.push(key);
    const status = statuses.shift();
    if (!status) return Promise.resolve(key);
    return Promise.reject(fromGeminiError(status, JSON.stringify(canonicalError(status))));
  };
  assert.equal(await keys.use(MODEL, failing([503])), "good-b");
  used.length = 0;
  await assert.rejects(keys.use(MODEL, failing([500, 503])), rejectsWith(503));
  assert.deepEqual(used, ["good-c", "good-a"]);
  assert.deepEqual((await keys.status()).map((key) => key.state), ["usable", "usable", "usable"]);
});

Deno.test("the request's own errors and the gateway's location are not the key's", async () => {
  const { pool: keys } = pool(["location-a", "good-b"]);
  const used: string[] = [];
  await assert.rejects(
    keys.use(MODEL, gemini(used)),
    rejectsWith(400, (error) => assert.match(error.message, /User location/)),
  );
  await assert.rejects(
    keys.use(MODEL, (key) => {
      used.push(key);
      return Promise.reject(fromGeminiError(404, JSON.stringify(canonicalError(404))));
    }),
    rejectsWith(404),
  );
  assert.deepEqual(used, ["location-a", "good-b"], "neither is retried");
  const status = await keys.status();
  assert.deepEqual(status.map((key) => key.state), ["usable", "usable"]);
  assert.deepEqual(status.map((key) => key.requests), [1, 1]);
});

Deno.test("failures that are not Gemini's are not retried", async () => {
  const { pool: keys } = pool(["good-a", "good-b"]);
  const used: string[] = [];
  await assert.rejects(
    keys.use(MODEL, (key) => {
      used.push(key);
      return Promise.reject(new DOMException("client went away", "AbortError"));
    }),
    DOMException,
  );
  assert.deepEqual(used, ["good-a"]);
});

Deno.test("lease gives keys in turn for model-less use, counted as requests", async () => {
  const { pool: keys } = pool(["good-a", "good-b"]);
  assert.deepEqual([keys.lease(""), keys.lease(""), keys.lease("")], [
    "good-a",
    "good-b",
    "good-a",
  ]);
  assert.deepEqual((await keys.status()).map((key) => key.requests), [2, 1]);
});

Deno.test("status names keys by fingerprint only", async () => {
  const { pool: keys } = pool(["good-a", "good-a", "good-b"]);
  const status = await keys.status();
  assert.equal(status.length, 2, "duplicates are one key");
  assert.match(status[0].fingerprint, /^[0-9a-f]{8}$/);
  assert.equal(status[0].fingerprint, await fingerprint("good-a"));
  assert.ok(!JSON.stringify(status).includes("good-"));
  assert.throws(() => new KeyPool([]));
});
