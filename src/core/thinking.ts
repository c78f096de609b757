/**
 * `reasoning_effort` and the Gemini option `thinking_config` → Gemini `thinkingConfig`.
 *
 * Gemini 2.5 models take a token budget; Gemini 3, newer models and the `-latest` aliases take a
 * level ({@linkcode modelFamily}). The tables are in `docs/thinking.md`. A `thinking_config`
 * (snake or camel keys) is sent as given instead; both at once is a 400. Whenever thinking is on,
 * thought summaries are asked for (`includeThoughts`) as configured, unless the client said
 * otherwise.
 * @module
 */

import { excerpt } from "./excerpt.ts";
import type { ThinkingConfig } from "../gemini/types.ts";
import {
  isSpeechModel,
  modelFamily,
  THINKING_LEVELS,
  type ThinkingLevel,
  thinkingLevels,
} from "./model_family.ts";
import {
  childParam,
  type Field,
  invalidValue,
  optional,
  readBoolean,
  readInteger,
  readRecord,
  readString,
} from "../http/fields.ts";

/** The reasoning efforts the tables below are written for. */
type ReasoningEffort = "none" | "minimal" | "low" | "medium" | "high";

/**
 * OpenAI's reasoning efforts, each read as one of the tables' efforts: `high` is already every
 * model's highest setting, so `xhigh` and `max` are read as `high`.
 */
const EFFORTS: Record<string, ReasoningEffort> = {
  none: "none",
  minimal: "minimal",
  low: "low",
  medium: "medium",
  high: "high",
  xhigh: "high",
  max: "high",
};

type Variant = "pro" | "flash" | "lite";

/** How a model is told to think. */
interface Profile {
  /** `budget` for Gemini 2.5, `level` for Gemini 3 and newer, `none` for models that cannot think. */
  control: "budget" | "level" | "none";
  variant: Variant;
  /** Whether the model thinks when not told anything. */
  thinksByDefault: boolean;
}

/** Thinking budgets (tokens) of Gemini 2.5 models per effort. */
const BUDGETS: Record<Variant, Record<ReasoningEffort, number>> = {
  pro: { none: 128, minimal: 128, low: 1024, medium: 8192, high: 32768 },
  flash: { none: 0, minimal: 512, low: 1024, medium: 8192, high: 24576 },
  lite: { none: 0, minimal: 512, low: 1024, medium: 8192, high: 24576 },
};

/** The thinking level each effort asks for, before it is fitted to what a model accepts. */
const LEVELS: Record<ReasoningEffort, ThinkingLevel> = {
  none: "MINIMAL",
  minimal: "MINIMAL",
  low: "LOW",
  medium: "MEDIUM",
  high: "HIGH",
};

/**
 * The level `model` is sent for `effort`: the one asked for, or the next higher the model
 * accepts (Gemini 3.8 Flash takes no `MINIMAL`, so `none` and `minimal` are `LOW` there).
 */
function levelFor(model: string, effort: ReasoningEffort): ThinkingLevel {
  const accepted = thinkingLevels(model);
  const wanted = THINKING_LEVELS.indexOf(LEVELS[effort]);
  return accepted.find((level) => THINKING_LEVELS.indexOf(level) >= wanted) ?? accepted.at(-1)!;
}

/** How `model` (without `models/`) thinks. */
function profileOf(model: string): Profile {
  const variant: Variant = model.includes("flash-lite")
    ? "lite"
    : model.includes("pro")
    ? "pro"
    : "flash";
  const family = modelFamily(model);
  if (family === "legacy" || isSpeechModel(model) || /^gemini-2\.5-.*-image/.test(model)) {
    return { control: "none", variant, thinksByDefault: false };
  }
  if (family === "level") return { control: "level", variant, thinksByDefault: true };
  return { control: "budget", variant, thinksByDefault: variant !== "lite" };
}

/**
 * The `thinkingConfig` for `model` from `reasoning_effort` and the `thinking_config` option;
 * `includeThoughts` is the configured default for thought summaries; `effortParam` names the
 * effort in errors (`reasoning.effort` in the Responses API).
 */
export function toThinkingConfig(
  model: string,
  reasoningEffort: unknown,
  thinkingConfig: Field | undefined,
  includeThoughts: boolean,
  effortParam = "reasoning_effort",
): ThinkingConfig | undefined {
  const effort = optional(reasoningEffort, effortParam, readEffort);
  const profile = profileOf(model);
  if (thinkingConfig) {
    if (effort !== undefined) {
      throw invalidValue(
        effortParam,
        `${effortParam} and ${thinkingConfig.param} cannot be used together.`,
      );
    }
    return fromThinkingConfig(thinkingConfig, profile, includeThoughts);
  }
  if (effort === undefined) return profile.thinksByDefault ? { includeThoughts } : undefined;
  if (profile.control === "none") {
    if (effort === "none") return undefined;
    throw invalidValue(effortParam, `the model ${model} does not support reasoning.`);
  }
  const config: ThinkingConfig = profile.control === "level"
    ? { thinkingLevel: levelFor(model, effort) }
    : { thinkingBudget: BUDGETS[profile.variant][effort] };
  return effort === "none" ? config : { ...config, includeThoughts };
}

function readEffort(value: unknown, param: string): ReasoningEffort {
  const effort = readString(value, param);
  if (!Object.hasOwn(EFFORTS, effort)) {
    throw invalidValue(
      param,
      `unknown value '${excerpt(effort)}'; expected one of ${Object.keys(EFFORTS).join(", ")}.`,
    );
  }
  return EFFORTS[effort];
}

function fromThinkingConfig(
  field: Field,
  profile: Profile,
  includeThoughts: boolean,
): ThinkingConfig | undefined {
  const config = readRecord(field.value, field.param);
  const option = (snake: string, camel: string) =>
    config[snake] !== undefined && config[snake] !== null
      ? { value: config[snake], param: childParam(field.param, snake) }
      : { value: config[camel] ?? undefined, param: childParam(field.param, camel) };
  const budget = option("thinking_budget", "thinkingBudget");
  const level = option("thinking_level", "thinkingLevel");
  const include = option("include_thoughts", "includeThoughts");

  const thinkingBudget = optional(
    budget.value,
    budget.param,
    (value, param) => readInteger(value, param, { min: -1 }),
  );
  const thinkingLevel = optional(level.value, level.param, readString)?.toUpperCase();
  if (thinkingLevel !== undefined && !(THINKING_LEVELS as string[]).includes(thinkingLevel)) {
    throw invalidValue(
      level.param,
      `unknown thinking level '${
        excerpt(String(level.value))
      }'; expected minimal, low, medium or high.`,
    );
  }
  if (thinkingBudget !== undefined && thinkingLevel !== undefined) {
    throw invalidValue(
      field.param,
      "a thinking budget and a thinking level cannot be used together.",
    );
  }
  const thinking = thinkingBudget !== 0 &&
    (thinkingBudget !== undefined || thinkingLevel !== undefined || profile.thinksByDefault);
  const summaries = optional(include.value, include.param, readBoolean) ??
    (thinking ? includeThoughts : undefined);
  const result: ThinkingConfig = {};
  if (thinkingBudget !== undefined) result.thinkingBudget = thinkingBudget;
  if (thinkingLevel !== undefined) result.thinkingLevel = thinkingLevel;
  if (summaries !== undefined) result.includeThoughts = summaries;
  return Object.keys(result).length > 0 ? result : undefined;
}
