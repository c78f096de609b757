// The console's entry point: tabs, the key field, and the three panels.

import { byId } from "./dom.js";
import { describe, storedKey, storeKey } from "./gateway.js";
import { initChat } from "./chat.js";
import { initLive } from "./live.js";
import { initSetup } from "./setup.js";

const TAB_ITEM = "gemini-gateway.tab";

function showTab(name) {
  for (const button of document.querySelectorAll("nav [data-tab]")) {
    const selected = button.dataset.tab === name;
    button.setAttribute("aria-selected", String(selected));
    byId(button.dataset.tab).hidden = !selected;
  }
  localStorage.setItem(TAB_ITEM, name);
}

const listeners = [];

/** Calls `listener` whenever the key changes (and once at start). */
function onKeyChange(listener) {
  listeners.push(listener);
}

const keyInput = byId("key");
keyInput.value = storedKey();
keyInput.addEventListener("change", () => {
  storeKey(keyInput.value.trim());
  for (const listener of listeners) listener();
});

for (const button of document.querySelectorAll("nav [data-tab]")) {
  button.addEventListener("click", () => showTab(button.dataset.tab));
}
const hashTab = location.hash.slice(1);
showTab(
  ["setup", "chat", "live"].includes(hashTab) ? hashTab : localStorage.getItem(TAB_ITEM) ?? "setup",
);

const panels = [initSetup(), initChat(), initLive()];

/** Reads the gateway's description and refreshes every panel with it. */
async function refresh() {
  let description;
  try {
    description = await describe();
  } catch (error) {
    description = { error: error.message };
  }
  for (const panel of panels) panel.refresh(description);
}

onKeyChange(refresh);
refresh();
