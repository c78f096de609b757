/**
 * Types for the Gemini API wire format (v1beta REST), named as the API names them.
 *
 * Only what the gateway reads or writes is typed; other fields are ignored.
 * @module
 */

/** Binary data sent inline, base64-encoded. */
export interface Blob {
  mimeType: string;
  data: string;
}

/** A reference to a file uploaded to the Files API or a YouTube URL. */
export interface FileData {
  mimeType?: string;
  fileUri: string;
}

/** A call the model wants to make. */
export interface FunctionCall {
  id?: string;
  name: string;
  args?: Record<string, unknown>;
}

/** The result of a call, sent back to the model. */
export interface FunctionResponse {
  id?: string;
  name: string;
  response: Record<string, unknown>;
}

/** Code the model generated with the code execution tool. */
export interface ExecutableCode {
  language: string;
  code: string;
}

/** The outcome of running {@linkcode ExecutableCode}. */
export interface CodeExecutionResult {
  outcome: string;
  output?: string;
}

/** One part of a {@linkcode Content}: exactly one data field, plus metadata flags. */
export interface Part {
  text?: string;
  inlineData?: Blob;
  fileData?: FileData;
  functionCall?: FunctionCall;
  functionResponse?: FunctionResponse;
  executableCode?: ExecutableCode;
  codeExecutionResult?: CodeExecutionResult;
  /** True when the part is a thought summary. */
  thought?: boolean;
  /** Opaque base64 signature of the model's reasoning; must be sent back as received. */
  thoughtSignature?: string;
}

/** A turn of the conversation. */
export interface Content {
  role?: "user" | "model";
  parts?: Part[];
}

/** The OpenAPI-subset schema the proto `Schema` message accepts. */
export interface Schema {
  type?: string;
  format?: string;
  title?: string;
  description?: string;
  nullable?: boolean;
  enum?: string[];
  items?: Schema;
  minItems?: string | number;
  maxItems?: string | number;
  properties?: Record<string, Schema>;
  required?: string[];
  minProperties?: string | number;
  maxProperties?: string | number;
  minimum?: number;
  maximum?: number;
  minLength?: string | number;
  maxLength?: string | number;
  pattern?: string;
  example?: unknown;
  anyOf?: Schema[];
  propertyOrdering?: string[];
  default?: unknown;
}

/** A function the model may call. */
export interface FunctionDeclaration {
  name: string;
  description?: string;
  parameters?: Schema;
  parametersJsonSchema?: unknown;
}

/** A tool: functions, or one of Gemini's built-in tools. */
export interface Tool {
  functionDeclarations?: FunctionDeclaration[];
  googleSearch?: Record<string, unknown>;
  codeExecution?: Record<string, unknown>;
  urlContext?: Record<string, unknown>;
}

/** How the model may call functions. */
export interface ToolConfig {
  functionCallingConfig?: {
    mode?: "AUTO" | "ANY" | "NONE" | "VALIDATED";
    allowedFunctionNames?: string[];
  };
}

/** A harm category and the threshold at which it is blocked. */
export interface SafetySetting {
  category: string;
  threshold: string;
}

/** How much the model thinks, and whether it returns thought summaries. */
export interface ThinkingConfig {
  includeThoughts?: boolean;
  thinkingBudget?: number;
  thinkingLevel?: string;
}

/** How an image model shapes its pictures. */
export interface ImageConfig {
  /** `1:1`, `2:3`, `3:2`, `3:4`, `4:3`, `4:5`, `5:4`, `9:16`, `16:9` or `21:9`. */
  aspectRatio?: string;
  /** `1K`, `2K` or `4K`: about that many pixels on the longest edge. */
  imageSize?: string;
}

/** The voice a speech model reads with. */
export interface SpeechConfig {
  voiceConfig?: { prebuiltVoiceConfig?: { voiceName?: string } };
  languageCode?: string;
}

/** Sampling and output options. */
export interface GenerationConfig {
  candidateCount?: number;
  stopSequences?: string[];
  maxOutputTokens?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  seed?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  responseMimeType?: string;
  responseSchema?: Schema;
  responseJsonSchema?: unknown;
  responseLogprobs?: boolean;
  logprobs?: number;
  responseModalities?: string[];
  thinkingConfig?: ThinkingConfig;
  imageConfig?: ImageConfig;
  speechConfig?: SpeechConfig;
}

/** The body of `generateContent` and `streamGenerateContent`. */
export interface GenerateContentRequest {
  contents: Content[];
  systemInstruction?: Content;
  tools?: Tool[];
  toolConfig?: ToolConfig;
  safetySettings?: readonly Readonly<SafetySetting>[];
  generationConfig?: GenerationConfig;
  cachedContent?: string;
}

/** The response of `countTokens`. */
export interface CountTokensResponse {
  totalTokens?: number;
  cachedContentTokenCount?: number;
}

/** Token counts per modality. */
export interface ModalityTokenCount {
  modality: string;
  tokenCount?: number;
}

/** Token accounting; zero-valued counts are omitted on the wire. */
export interface UsageMetadata {
  promptTokenCount?: number;
  cachedContentTokenCount?: number;
  candidatesTokenCount?: number;
  toolUsePromptTokenCount?: number;
  thoughtsTokenCount?: number;
  totalTokenCount?: number;
  promptTokensDetails?: ModalityTokenCount[];
  candidatesTokensDetails?: ModalityTokenCount[];
}

/** A web source that grounded the answer. */
export interface GroundingChunk {
  web?: { uri?: string; title?: string };
}

/** Which part of the answer a set of grounding chunks supports. */
export interface GroundingSupport {
  segment?: { partIndex?: number; startIndex?: number; endIndex?: number; text?: string };
  groundingChunkIndices?: number[];
}

/** Search grounding for a candidate. */
export interface GroundingMetadata {
  webSearchQueries?: string[];
  groundingChunks?: GroundingChunk[];
  groundingSupports?: GroundingSupport[];
  searchEntryPoint?: { renderedContent?: string };
}

/** One token and its log probability. */
export interface LogprobsCandidate {
  token?: string;
  tokenId?: number;
  logProbability?: number;
}

/** Log probabilities of the chosen tokens and the top alternatives at each step. */
export interface LogprobsResult {
  topCandidates?: { candidates?: LogprobsCandidate[] }[];
  chosenCandidates?: LogprobsCandidate[];
  logProbabilitySum?: number;
}

/** Why the model stopped. */
export type FinishReason =
  | "FINISH_REASON_UNSPECIFIED"
  | "STOP"
  | "MAX_TOKENS"
  | "SAFETY"
  | "RECITATION"
  | "LANGUAGE"
  | "OTHER"
  | "BLOCKLIST"
  | "PROHIBITED_CONTENT"
  | "SPII"
  | "MALFORMED_FUNCTION_CALL"
  | "IMAGE_SAFETY"
  | "IMAGE_PROHIBITED_CONTENT"
  | "IMAGE_OTHER"
  | "NO_IMAGE"
  | "IMAGE_RECITATION"
  | "UNEXPECTED_TOOL_CALL"
  | "TOO_MANY_TOOL_CALLS";

/** One generated answer. */
export interface Candidate {
  content?: Content;
  finishReason?: FinishReason | string;
  finishMessage?: string;
  index?: number;
  groundingMetadata?: GroundingMetadata;
  logprobsResult?: LogprobsResult;
}

/** Why the prompt was blocked. */
export interface PromptFeedback {
  blockReason?: string;
  blockReasonMessage?: string;
}

/** The response of `generateContent`, and each event of `streamGenerateContent`. */
export interface GenerateContentResponse {
  candidates?: Candidate[];
  promptFeedback?: PromptFeedback;
  usageMetadata?: UsageMetadata;
  modelVersion?: string;
  responseId?: string;
}

/** One request of `batchEmbedContents`. */
export interface EmbedContentRequest {
  model: string;
  content: Content;
  taskType?: string;
  title?: string;
  outputDimensionality?: number;
}

/** The body of `batchEmbedContents`. */
export interface BatchEmbedContentsRequest {
  requests: EmbedContentRequest[];
}

/** The response of `batchEmbedContents`. */
export interface BatchEmbedContentsResponse {
  embeddings: { values: number[] }[];
  /** Reported by gemini-embedding-2 only (its per-modality list is named `promptTokenDetails`). */
  usageMetadata?: { promptTokenCount?: number; promptTokenDetails?: ModalityTokenCount[] };
}

/** A model, as `models.list` and `models.get` return it. */
export interface Model {
  name: string;
  version?: string;
  displayName?: string;
  description?: string;
  inputTokenLimit?: number;
  outputTokenLimit?: number;
  supportedGenerationMethods?: string[];
  temperature?: number;
  maxTemperature?: number;
  topP?: number;
  topK?: number;
  thinking?: boolean;
}

/** One page of `models.list`. */
export interface ListModelsResponse {
  models?: Model[];
  nextPageToken?: string;
}

/** The `google.rpc.Status` error envelope. */
export interface GeminiErrorBody {
  error: {
    code: number;
    message: string;
    status: string;
    details?: ({ "@type": string } & Record<string, unknown>)[];
  };
}
