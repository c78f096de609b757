/**
 * `deno task build`: the gateway bundled into `dist/` (or the folder given as the argument), as
 * `deno task start` and a deployment run it: `main.js`, one module per route handler (still
 * imported by the route's first request) and the chunks they share. A fresh process then reads a
 * dozen files instead of a hundred TypeScript modules, which is most of what separates its cold
 * start from a one-file server's (README, Performance).
 *
 * The npm packages are bundled too, into the modules that use them (`deno task` has fetched them
 * before any task runs): an npm import resolved at run time costs the first stream of a fresh
 * process 1–5 ms of CPU, and a fresh `DENO_DIR` a registry request. All but `libflacjs`, whose
 * Emscripten loader reads Node's `__dirname`, which a bundle does not define: it stays an npm
 * import, resolved through `deno.json` (found above `dist/`) when first used.
 * @module
 */

/** The repository's root, where `main.ts` and `deno.json` are. */
const ROOT = new URL("..", import.meta.url).pathname;

/** The npm imports left to Deno to resolve when first used (see above). */
const UNBUNDLED = ["libflacjs/*"];

/**
 * `deno bundle`'s options, without the output folder. The source maps are written beside the
 * modules but not linked from them: Deno reads a linked map when it loads the module, 2–4 ms of
 * a cold start for `main.js` and the chat handler's (measured with `deno task bench
 * --only=cold-start`). Stack traces name the bundle's files; the bundle is not minified, each
 * module's code under a `// src/…` comment.
 */
const BUNDLE_OPTIONS = [
  "--quiet",
  "--platform=deno",
  "--code-splitting",
  "--sourcemap=external",
  ...UNBUNDLED.map((specifier) => `--external=${specifier}`),
];

/** Bundles `main.ts` into `outdir` (replacing what was there); rejects when `deno bundle` fails. */
export async function build(outdir: string): Promise<void> {
  await Deno.remove(outdir, { recursive: true }).catch((error) => {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  });
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["bundle", ...BUNDLE_OPTIONS, `--outdir=${outdir}`, "main.ts"],
    cwd: ROOT,
    stdout: "inherit",
    stderr: "piped",
  }).output();
  if (code !== 0) {
    throw new Error(`deno bundle failed (exit ${code}):\n${new TextDecoder().decode(stderr)}`);
  }
}

if (import.meta.main) await build(Deno.args[0] ?? `${ROOT}dist`);
