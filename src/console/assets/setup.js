// The set-up panel: version, APIs served, what to paste into each kind of tool, whether the
// gateway holds keys and tokens, and (with an access token) the key pool's state.

import { byId, h, setStatus } from "./dom.js";
import { call, errorMessage, storedKey } from "./gateway.js";
import { snippets } from "./snippets.js";

const SNIPPETS = snippets(location.origin);

function snippet(api, title, text) {
  const code = h("pre", {}, h("code", {}, text));
  const copy = h("button", {
    type: "button",
    class: "copy",
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(text);
        copy.textContent = "Copied";
      } catch {
        copy.textContent = "Select and copy";
      }
      setTimeout(() => copy.textContent = "Copy", 1500);
    },
  }, "Copy");
  return h(
    "div",
    { class: "snippet", "data-api": api },
    h("div", { class: "snippet-title" }, title, copy),
    code,
  );
}

function fact(label, value, good) {
  return h("div", { class: "fact", "data-good": String(good) }, h("span", {}, label), value);
}

function poolTable(keys) {
  const rows = keys.map((key) =>
    h(
      "tr",
      {},
      h("td", {}, h("code", {}, key.fingerprint)),
      h("td", { "data-state": key.state }, key.state),
      h("td", {}, String(key.requests)),
      h("td", {}, String(key.rate_limited)),
      h(
        "td",
        {},
        key.rejected_reason ??
          Object.entries(key.cooling_until).map(([model, until]) =>
            `${model || "any"} until ${new Date(until).toLocaleTimeString()}`
          ).join(", "),
      ),
    )
  );
  return h(
    "table",
    {},
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ...["Key", "State", "Requests", "429s", "Note"].map((name) => h("th", {}, name)),
      ),
    ),
    h("tbody", {}, rows),
  );
}

async function showPool(description) {
  const status = byId("pool-status");
  const pool = byId("pool");
  pool.replaceChildren();
  if (!description.serverKeys || !description.accessTokens) {
    setStatus(
      status,
      description.serverKeys
        ? "The gateway holds server keys but no access tokens: the pool's state is not shown."
        : "The gateway holds no keys of its own: every client brings its Gemini key.",
    );
    return;
  }
  if (!storedKey()) {
    setStatus(status, "Enter an access token above to see the key pool.");
    return;
  }
  const response = await call("/v1/gateway/keys");
  if (!response.ok) {
    setStatus(status, `Key pool: ${await errorMessage(response)}`, "error");
    return;
  }
  const body = await response.json();
  setStatus(status, `${body.data.length} server key(s), by fingerprint:`);
  pool.append(poolTable(body.data));
}

/** Builds the set-up panel. */
export function initSetup() {
  return {
    async refresh(description) {
      const status = byId("setup-status");
      if (description.error) {
        setStatus(status, `Cannot read the gateway's description: ${description.error}`, "error");
        return;
      }
      byId("version").textContent = `v${description.version}`;
      setStatus(status, `The gateway is running (version ${description.version}).`, "ok");
      byId("setup-keys").replaceChildren(
        fact(
          "Server keys",
          description.serverKeys ? "configured" : "none: clients bring their own",
          description.serverKeys,
        ),
        fact(
          "Access tokens",
          description.accessTokens ? "required for server keys" : "none",
          description.accessTokens,
        ),
      );
      byId("setup-apis").replaceChildren(
        ...description.apis.map((api) =>
          h(
            "li",
            { "data-api": api.id },
            h("strong", {}, api.name),
            " ",
            h("code", {}, api.base),
            h("div", { class: "endpoints" }, api.endpoints.join(" · ")),
          )
        ),
      );
      byId("setup-snippets").replaceChildren(
        ...description.apis.flatMap((api) =>
          (SNIPPETS[api.id] ?? []).map(([title, text]) => snippet(api.id, title, text))
        ),
      );
      try {
        await showPool(description);
      } catch (error) {
        setStatus(byId("pool-status"), `Key pool: ${error.message}`, "error");
      }
    },
  };
}
