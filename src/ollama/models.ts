/**
 * Gemini models → Ollama's model descriptions: `/api/tags`, `/api/show`, `/api/ps`.
 *
 * Every model is named `<id>:latest`; its `model` field is the bare id, which VS Code Copilot's
 * Ollama provider sends on to `/v1/chat/completions` (where Gemini ids carry no tag). Gemini
 * publishes no dates, sizes or digests: `modified_at`
 * is the Unix epoch, sizes are 0 and the digest is the SHA-256 of the model's name and version.
 * What a model can do is read from its methods and name (`capabilities`), its context length
 * from `inputTokenLimit`.
 * @module
 */

import { modelId } from "../core/model_name.ts";
import { isSpeechModel } from "../core/model_family.ts";
import { withDefaultTag } from "../core/model_tag.ts";
import type { Model } from "../gemini/types.ts";
import type {
  Capability,
  ListModelResponse,
  ModelDetails,
  ProcessModelResponse,
  ShowResponse,
} from "./types.ts";

/** What `modified_at` says: Gemini publishes no dates. */
const MODIFIED_AT = new Date(0).toISOString();

/** How long `/api/ps` says a model stays loaded: Ollama's default keep-alive. */
const KEEP_ALIVE_MS = 5 * 60 * 1000;

/** Whether Ollama clients can use `model`: it answers text or embeds it. */
export function isListed(model: Model): boolean {
  return capabilitiesOf(model).length > 0;
}

/**
 * What `model` can do, in Ollama's terms: nothing for a speech model (text to speech,
 * transcription, Live), which answers in audio or listens to it, and Ollama's API carries neither.
 */
export function capabilitiesOf(model: Model): Capability[] {
  const id = modelId(model.name);
  const methods = model.supportedGenerationMethods ?? [];
  if (!methods.includes("generateContent")) {
    return methods.includes("embedContent") ? ["embedding"] : [];
  }
  if (isSpeechModel(id)) return [];
  const capabilities: Capability[] = ["completion"];
  const generatesMedia = /-image|^imagen-|^veo-|^lyria-|nano-banana/.test(id);
  if (!generatesMedia && !id.startsWith("gemma-")) capabilities.push("tools");
  capabilities.push("vision");
  if (model.thinking) capabilities.push("thinking");
  return capabilities;
}

/** The length of `model`'s vectors, for embedding models (Google's published sizes). */
function embeddingLength(id: string): number {
  return /^(text-embedding|embedding-)/.test(id) ? 768 : 3072;
}

/** The family Ollama clients show: `gemma` or `gemini`. */
function familyOf(id: string): string {
  return id.startsWith("gemma-") ? "gemma" : "gemini";
}

/** What kind of model `model` is. */
export function detailsOf(model: Model): ModelDetails {
  const id = modelId(model.name);
  const family = familyOf(id);
  const details: ModelDetails = {
    parent_model: "",
    format: "gemini",
    family,
    families: [family],
    parameter_size: "",
    quantization_level: "",
  };
  if (model.inputTokenLimit) details.context_length = model.inputTokenLimit;
  if (capabilitiesOf(model).includes("embedding")) details.embedding_length = embeddingLength(id);
  return details;
}

/** The digest listed for `model`: SHA-256 of its name and version, in hex. */
export async function digestOf(model: Model): Promise<string> {
  const text = `${model.name}@${model.version ?? ""}`;
  const hash = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return new Uint8Array(hash).toHex();
}

/** `model` as one entry of `/api/tags`. */
export async function toListModel(model: Model): Promise<ListModelResponse> {
  const id = modelId(model.name);
  return {
    name: withDefaultTag(id),
    model: id,
    modified_at: MODIFIED_AT,
    size: 0,
    digest: await digestOf(model),
    details: detailsOf(model),
    capabilities: capabilitiesOf(model),
  };
}

/** `model` as one entry of `/api/ps`: always loaded, for Ollama's default keep-alive. */
export async function toProcessModel(model: Model): Promise<ProcessModelResponse> {
  const id = modelId(model.name);
  return {
    name: withDefaultTag(id),
    model: id,
    size: 0,
    digest: await digestOf(model),
    details: detailsOf(model),
    expires_at: new Date(Date.now() + KEEP_ALIVE_MS).toISOString(),
    size_vram: 0,
    context_length: model.inputTokenLimit ?? 0,
  };
}

/**
 * `model` as `/api/show` describes it: `model_info` with `general.architecture` and
 * `<architecture>.context_length` (and `.embedding_length` for embedding models), the sampling
 * defaults as `parameters`, and a template without `.Suffix` (Gemini has no fill-in-the-middle).
 */
export function toShowResponse(model: Model): ShowResponse {
  const id = modelId(model.name);
  const details = detailsOf(model);
  const architecture = details.family;
  const capabilities = capabilitiesOf(model);
  const modelInfo: ShowResponse["model_info"] = {
    "general.architecture": architecture,
    "general.basename": model.displayName ?? id,
  };
  if (model.inputTokenLimit) modelInfo[`${architecture}.context_length`] = model.inputTokenLimit;
  if (details.embedding_length) {
    modelInfo[`${architecture}.embedding_length`] = details.embedding_length;
  }
  const parameters = Object.entries({
    num_ctx: model.inputTokenLimit,
    temperature: model.temperature,
    top_k: model.topK,
    top_p: model.topP,
  }).filter(([, value]) => value !== undefined).map(([key, value]) => `${key} ${value}`);
  return {
    modelfile: [
      "# A Gemini model, served by the gemini gateway",
      `FROM ${id}`,
      ...parameters.map((line) => `PARAMETER ${line}`),
      "",
    ].join("\n"),
    parameters: parameters.join("\n"),
    template: capabilities.includes("completion") ? template(capabilities) : "",
    details,
    model_info: modelInfo,
    capabilities,
    modified_at: MODIFIED_AT,
  };
}

/** A description of the prompt Gemini is sent: it applies its own chat format. */
function template(capabilities: Capability[]): string {
  const tools = capabilities.includes("tools") ? "{{ if .Tools }}{{ .Tools }}\n{{ end }}" : "";
  return `{{ if .System }}{{ .System }}\n{{ end }}${tools}` +
    "{{ range .Messages }}{{ .Role }}: {{ .Content }}\n{{ end }}";
}
