// Talking to this gateway: the key or access token (kept in localStorage only, sent only here),
// authorized requests, error messages, and the model list.

const KEY_ITEM = "gemini-gateway.key";

/** The key or access token the user entered, or "". */
export function storedKey() {
  return localStorage.getItem(KEY_ITEM) ?? "";
}

/** Keeps the key in this browser's localStorage (an empty one removes it). */
export function storeKey(key) {
  if (key) localStorage.setItem(KEY_ITEM, key);
  else localStorage.removeItem(KEY_ITEM);
}

/** `fetch` against this gateway, with the key as a Bearer token when there is one. */
export function call(path, init = {}) {
  const headers = new Headers(init.headers);
  const key = storedKey();
  if (key) headers.set("authorization", `Bearer ${key}`);
  return fetch(path, { ...init, headers });
}

/** The message of a failed response: the gateway's error message, else the status. */
export async function errorMessage(response) {
  const text = await response.text().catch(() => "");
  try {
    const body = JSON.parse(text);
    const message = body?.error?.message ?? body?.error ?? body?.message;
    if (typeof message === "string") return `${response.status}: ${message}`;
  } catch {
    // not JSON: fall through
  }
  return `${response.status} ${response.statusText}${text ? `: ${text.slice(0, 200)}` : ""}`;
}

/** The service description of `GET /` (version, APIs, whether keys and tokens are set). */
export async function describe() {
  const response = await fetch("/", { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(await errorMessage(response));
  return response.json();
}

/**
 * Whether API calls can succeed: with a key or token, or when the gateway's keys serve
 * everyone (server keys without access tokens).
 */
export function canCall(description) {
  return Boolean(storedKey()) || (description.serverKeys && !description.accessTokens);
}

let models;

/** The model ids of `GET /v1/models`, sorted; asked once per key, shared by the panels. */
export function listModels() {
  const key = storedKey();
  if (models?.key !== key) {
    const ids = (async () => {
      const response = await call("/v1/models");
      if (!response.ok) throw new Error(await errorMessage(response));
      const body = await response.json();
      return body.data.map((model) => model.id).sort();
    })();
    ids.catch(() => {
      if (models?.ids === ids) models = undefined;
    });
    models = { key, ids };
  }
  return models.ids;
}

/** Fills `select` with `ids`, selecting `preferred` (or the first). */
export function fillSelect(select, ids, preferred) {
  const chosen = ids.includes(select.value) ? select.value : preferred;
  select.replaceChildren(...ids.map((id) => new Option(id, id)));
  select.value = ids.includes(chosen) ? chosen : ids[0] ?? "";
}
