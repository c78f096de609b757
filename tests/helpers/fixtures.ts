/**
 * Access to the shared wire fixtures and specifications beside the repository (`../shared`).
 * @module
 */

/** The shared folder; `SHARED_DIR` overrides where it is. */
export const SHARED_DIR: URL = Deno.env.get("SHARED_DIR")
  ? new URL(`file://${Deno.env.get("SHARED_DIR")!.replace(/\/?$/, "/")}`)
  : new URL("../../../shared/", import.meta.url);

/** The URL of a Gemini fixture file by its name in `shared/gemini/fixtures/`. */
export function fixtureUrl(name: string): URL {
  return new URL(`gemini/fixtures/${name}`, SHARED_DIR);
}

/** A Gemini fixture's bytes, exactly as recorded. */
export function readFixtureBytes(name: string): Promise<Uint8Array> {
  return Deno.readFile(fixtureUrl(name));
}

/** A Gemini fixture's text, exactly as recorded. */
export function readFixture(name: string): Promise<string> {
  return Deno.readTextFile(fixtureUrl(name));
}
