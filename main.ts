/**
 * Starts the gateway: `deno task start`.
 * @module
 */

import { createHandler } from "./src/app.ts";
import { ConfigError, loadConfig } from "./src/config.ts";
import { openPoolWarning } from "./src/keys/open_pool_warning.ts";

/** The gateway's own modules, read as each route is first used (`lazy-dynamic-imports`). */
const SOURCES = new URL("./src/", import.meta.url);

try {
  if (Deno.permissions.querySync({ name: "read", path: SOURCES }).state !== "granted") {
    console.error(
      "Cannot start: the gateway reads its own modules (src/) when a route is first used; " +
        "run it with --allow-read=src, as `deno task start` does.",
    );
    Deno.exit(1);
  }
  const config = loadConfig();
  const warning = openPoolWarning(config);
  if (warning) console.warn(warning);
  Deno.serve({ port: config.port }, createHandler(config));
} catch (error) {
  if (error instanceof ConfigError) console.error(`Invalid configuration: ${error.message}`);
  else if (error instanceof Deno.errors.AddrInUse) {
    console.error(`Cannot listen: the port is already in use (set PORT to another).`);
  } else throw error;
  Deno.exit(1);
}
