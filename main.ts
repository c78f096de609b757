/**
 * Starts the gateway: `deno task start`.
 * @module
 */

import { createHandler } from "./src/app.ts";
import { ConfigError, loadConfig } from "./src/config.ts";
import { openPoolWarning } from "./src/keys/open_pool_warning.ts";

/** Whether this runs as bundled by `deno task build` (`dist/main.js`) rather than as `main.ts`. */
const BUNDLED = import.meta.url.endsWith(".js");
/** The folder of the gateway's own modules, read as each route is first used (see `deno.json`). */
const MODULES = BUNDLED ? "dist" : "src";

try {
  // A path, not a URL: converting a file URL costs a fresh process about half a millisecond.
  const here = import.meta.dirname!;
  const modules = BUNDLED ? here : `${here}/src`;
  if (Deno.permissions.querySync({ name: "read", path: modules }).state !== "granted") {
    console.error(
      `Cannot start: the gateway reads its own modules (${MODULES}/) when a route is first ` +
        `used; run it with --allow-read=${MODULES}, as \`deno task start\` does.`,
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
