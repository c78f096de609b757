/**
 * The Gemini model a request names, and the one that answers it.
 *
 * Many clients send a model name of another provider they were built around (`gpt-4o-mini` for
 * titles, `claude-…` for coding agents, `text-embedding-3-small` for RAG); those are answered by
 * the configured default model. Names written for routers that serve several providers
 * (`google/gemini-3.8-flash` for OpenRouter, `gemini/gemini-3.8-flash` for LiteLLM) are read
 * without the provider. Models Google has shut down, and the names `MODEL_ALIASES` maps, are
 * answered by their replacement ({@linkcode ModelAliases}); the answer says so
 * ({@linkcode substitutionHeaders}). `docs/models.md` describes it all.
 * @module
 */

import { withoutTag } from "./model_tag.ts";
import { invalidValue, wrongType } from "../http/fields.ts";
import { RETIRED_MODELS } from "./retired_models.ts";

/** Chat model names of other providers: OpenAI's `gpt-…`, `chatgpt-…`, `o1…`, and `claude-…`. */
export const FOREIGN_CHAT_MODELS = /^(gpt-|chatgpt-|o[134](-|$)|claude-)/;

/** OpenAI embedding model names: `text-embedding-…`. */
export const OPENAI_EMBEDDING_MODELS = /^text-embedding-/;

/** The longest model name a request may send. */
export const MAX_MODEL_NAME_LENGTH = 256;

/** The header that tells a client another model answered than the one it named. */
export const SUBSTITUTION_HEADER = "x-gateway-model-substituted";

/** What a request may name: Gemini ids and other providers' names (`claude-x@2025`, `a/b:c`). */
const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._:/@-]*$/;

/** What Gemini is sent: a Gemini model id. */
const GEMINI_MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** An alias pattern: a model name in which `*` stands for any run of characters. */
const ALIAS_PATTERN = /^[A-Za-z0-9*][A-Za-z0-9._:/@*-]*$/;

/** The provider prefixes router configurations write before a model id (`google/gemini-…`). */
const PROVIDER_PREFIX = /^(google|gemini|openai|anthropic)\//;

/** Most aliases followed from one name, in case a table maps names in a circle. */
const MAX_HOPS = 16;

/** A Gemini resource name without its `models/` prefix: the model id. */
export function modelId(name: string): string {
  return name.startsWith("models/") ? name.slice(7) : name;
}

/** One alias: names matching `pattern` are answered by `target`. */
export interface ModelAlias {
  /** A model name, or a glob in which `*` stands for any run of characters. */
  pattern: string;
  /** The Gemini model id that answers. */
  target: string;
}

/**
 * Reads `MODEL_ALIASES`: comma-separated `pattern=target` entries, e.g.
 * `claude-*haiku*=gemini-3.5-flash-lite,gpt-4o=gemini-3.8-flash`. Throws a `SyntaxError`
 * describing the first entry that is not one.
 */
export function parseModelAliases(setting: string): ModelAlias[] {
  return setting.split(",").map((entry) => entry.trim()).filter(Boolean).map((entry) => {
    const [pattern, target, ...rest] = entry.split("=").map((part) => part.trim());
    if (target === undefined || rest.length > 0) {
      throw new SyntaxError(`"${entry}" is not of the form pattern=model`);
    }
    if (!ALIAS_PATTERN.test(pattern) || pattern.length > MAX_MODEL_NAME_LENGTH) {
      throw new SyntaxError(`"${pattern}" is not a model name pattern`);
    }
    const id = modelId(target);
    if (!GEMINI_MODEL_ID.test(id) || id.length > MAX_MODEL_NAME_LENGTH) {
      throw new SyntaxError(`"${target}" is not a Gemini model id`);
    }
    return { pattern, target: id };
  });
}

/** How many resolved names a {@linkcode ModelAliases} remembers. */
const MAX_REMEMBERED = 1024;

/**
 * The aliases a gateway applies: the configured ones first, then (unless switched off) Google's
 * shutdowns from {@linkcode RETIRED_MODELS}. The first matching alias wins, and a target that
 * is itself an alias is followed on. It also remembers which substitutions it has logged.
 */
export class ModelAliases {
  /** Each alias's pattern split at its `*`s (one part: an exact name), and its target. */
  #rules: { parts: string[]; target: string }[];
  #logged = new Set<string>();
  #resolved = new Map<string, string>();
  #log: (line: string) => void;

  /**
   * `aliases` before the built-in table when `retired` is true; `log` prints a substitution the
   * first time it happens.
   */
  constructor(
    aliases: readonly ModelAlias[] = [],
    retired = true,
    log: (line: string) => void = (line) => console.warn(line),
  ) {
    const builtIn = retired
      ? Object.entries(RETIRED_MODELS.replacements).map(([pattern, target]) => ({
        pattern,
        target,
      }))
      : [];
    this.#rules = [...aliases, ...builtIn].map(({ pattern, target }) => ({
      parts: pattern.split("*"),
      target,
    }));
    this.#log = log;
  }

  /** The model that answers for `model` (an id): itself when no alias matches. */
  resolve(model: string): string {
    let answer = this.#resolved.get(model);
    if (answer === undefined) {
      // Remembered, so that a request tests no pattern for a name seen before; bounded, as
      // names come from clients.
      if (this.#resolved.size >= MAX_REMEMBERED) this.#resolved.clear();
      answer = this.#follow(model);
      this.#resolved.set(model, answer);
    }
    return answer;
  }

  #follow(model: string): string {
    let current = model;
    const seen = new Set([model]);
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const next = this.#rules.find((rule) => matchesGlob(rule.parts, current))?.target;
      if (next === undefined || seen.has(next)) break;
      seen.add(next);
      current = next;
    }
    return current;
  }

  /** Logs that `to` answers for `from`, once per pair for the life of this table. */
  announce(from: string, to: string): void {
    const key = `${from} -> ${to}`;
    if (this.#logged.has(key)) return;
    this.#logged.add(key);
    this.#log(`model ${key}: requests for ${from} are answered by ${to} (see docs/models.md)`);
  }
}

/** The model that answers a request. */
export interface ResolvedModel {
  /** The Gemini model id sent, without `models/`. */
  model: string;
  /** The name the request gave, only when another model answers it. */
  requested?: string;
}

/**
 * The model that answers a request whose model field is `value`.
 *
 * Without a model it is `fallback`. The name is read without a provider prefix (`google/`,
 * `gemini/`, `openai/`, `anthropic/`) or `models/`, then mapped by `aliases`; a name matching
 * `foreignNames` that no alias maps is answered by `fallback`. A name that is not a string, is
 * longer than {@linkcode MAX_MODEL_NAME_LENGTH} or is not a model id is a 400 naming `model`.
 */
export function resolveModel(
  value: unknown,
  fallback: string,
  foreignNames: RegExp,
  aliases: ModelAliases,
): ResolvedModel {
  const requested = readName(withoutTag(value));
  const name = requested ?? fallback;
  let model = aliases.resolve(name);
  if (foreignNames.test(model)) model = aliases.resolve(fallback);
  if (!GEMINI_MODEL_ID.test(model)) {
    throw invalidValue(
      "model",
      `'${model}' is not a Gemini model: name one (GET /v1/models lists them), or map it with ` +
        "MODEL_ALIASES.",
    );
  }
  if (model === name) return { model };
  aliases.announce(name, model);
  return requested === undefined ? { model } : { model, requested };
}

/** The response header saying which model answered instead of the one requested, if any. */
export function substitutionHeaders({ model, requested }: ResolvedModel): Record<string, string> {
  return requested === undefined ? {} : { [SUBSTITUTION_HEADER]: `${requested} -> ${model}` };
}

/** The model name `value` gives, trimmed and without prefixes; `undefined` when there is none. */
function readName(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw wrongType("model", "a string", value);
  const name = value.trim();
  if (name.length > MAX_MODEL_NAME_LENGTH) {
    throw invalidValue(
      "model",
      `expected a model name of at most ${MAX_MODEL_NAME_LENGTH} characters, but got one of ` +
        `${name.length}.`,
    );
  }
  const id = modelId(name.replace(PROVIDER_PREFIX, ""));
  if (!MODEL_NAME.test(id)) {
    const shown = JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);
    throw invalidValue(
      "model",
      `${shown} is not a model name: use letters, digits and the characters . _ - : / @.`,
    );
  }
  return id;
}

/**
 * Whether `name` matches the glob whose parts between `*`s are `parts`: string comparisons, no
 * regular expression (a fresh process would compile one per alias on its first request).
 */
function matchesGlob(parts: string[], name: string): boolean {
  const first = parts[0];
  if (parts.length === 1) return name === first;
  const last = parts[parts.length - 1];
  const end = name.length - last.length;
  if (end < first.length || !name.startsWith(first) || !name.endsWith(last)) return false;
  let at = first.length;
  for (let index = 1; index < parts.length - 1; index++) {
    const found = name.indexOf(parts[index], at);
    if (found === -1 || found + parts[index].length > end) return false;
    at = found + parts[index].length;
  }
  return true;
}
