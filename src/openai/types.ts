/**
 * Types for the OpenAI API wire format the gateway answers with, named as the OpenAI
 * specification names them. Requests are untrusted JSON, read field by field.
 * @module
 */

/** The error envelope every failure is returned in. */
export interface ErrorResponse {
  error: {
    message: string;
    type: string;
    param: string | null;
    code: string | null;
  };
}

/** A model, as `GET /models` lists it. */
export interface Model {
  id: string;
  object: "model";
  created: number;
  owned_by: string;
}

/** The body of `GET /models`. */
export interface ListModelsResponse {
  object: "list";
  data: Model[];
}

/** A call the model asked for. */
export interface ChatCompletionMessageToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
  /** Provider-specific data; carries Gemini's thought signature as `google.thought_signature`. */
  extra_content?: { google?: { thought_signature?: string } };
}

/** A URL citation attached to an answer. */
export interface UrlCitationAnnotation {
  type: "url_citation";
  url_citation: { url: string; title: string; start_index: number; end_index: number };
}

/** The log probability of one output token. */
export interface ChatCompletionTokenLogprob {
  token: string;
  logprob: number;
  bytes: number[] | null;
  top_logprobs: { token: string; logprob: number; bytes: number[] | null }[];
}

/** Log probabilities of a choice. */
export interface ChatCompletionLogprobs {
  content: ChatCompletionTokenLogprob[] | null;
  refusal: ChatCompletionTokenLogprob[] | null;
}

/** The reason a choice ended. */
export type ChatCompletionFinishReason =
  | "stop"
  | "length"
  | "tool_calls"
  | "content_filter"
  | "function_call";

/** The assistant message of a non-streaming choice. */
export interface ChatCompletionResponseMessage {
  role: "assistant";
  content: string | null;
  refusal: string | null;
  /** Thought summaries, kept apart from the answer. */
  reasoning_content?: string;
  tool_calls?: ChatCompletionMessageToolCall[];
  annotations?: UrlCitationAnnotation[];
}

/** Token usage of a completion. */
export interface CompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens?: number };
  completion_tokens_details?: { reasoning_tokens?: number };
}

/** The body of a non-streaming `POST /chat/completions` answer. */
export interface CreateChatCompletionResponse {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  choices: {
    index: number;
    message: ChatCompletionResponseMessage;
    logprobs: ChatCompletionLogprobs | null;
    finish_reason: ChatCompletionFinishReason;
  }[];
  usage?: CompletionUsage;
}

/** A streamed tool call fragment. */
export interface ChatCompletionMessageToolCallChunk {
  index: number;
  id?: string;
  type?: "function";
  function?: { name?: string; arguments?: string };
  extra_content?: { google?: { thought_signature?: string } };
}

/** The delta of one streamed choice. */
export interface ChatCompletionStreamResponseDelta {
  role?: "assistant";
  content?: string | null;
  reasoning_content?: string;
  refusal?: string | null;
  tool_calls?: ChatCompletionMessageToolCallChunk[];
  annotations?: UrlCitationAnnotation[];
}

/** One chunk of a streaming `POST /chat/completions` answer. */
export interface CreateChatCompletionStreamResponse {
  id: string;
  object: "chat.completion.chunk";
  created: number;
  model: string;
  choices: {
    index: number;
    delta: ChatCompletionStreamResponseDelta;
    logprobs?: ChatCompletionLogprobs | null;
    finish_reason: ChatCompletionFinishReason | null;
  }[];
  usage?: CompletionUsage | null;
}

/** The answer of `POST /embeddings`. */
export interface CreateEmbeddingResponse {
  object: "list";
  data: { object: "embedding"; index: number; embedding: number[] | string }[];
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}

/** The legacy log probabilities of a completion choice. */
export interface CompletionLogprobs {
  text_offset: number[];
  token_logprobs: number[];
  tokens: string[];
  top_logprobs: Record<string, number>[];
}

/** The reason a legacy completion choice ended. */
export type CompletionFinishReason = "stop" | "length" | "content_filter";

/** One choice of a legacy completion; streamed chunks carry `finish_reason: null` until the last. */
export interface CompletionChoice {
  text: string;
  index: number;
  logprobs: CompletionLogprobs | null;
  finish_reason: CompletionFinishReason | null;
}

/** The body of `POST /completions`, and each chunk of its stream (the same shape). */
export interface CreateCompletionResponse {
  id: string;
  object: "text_completion";
  created: number;
  model: string;
  choices: CompletionChoice[];
  usage?: CompletionUsage;
}

/** One generated image. */
export interface Image {
  b64_json?: string;
  url?: string;
  revised_prompt?: string;
}

/** Token usage of an image generation. */
export interface ImageGenUsage {
  total_tokens: number;
  input_tokens: number;
  output_tokens: number;
  input_tokens_details: { text_tokens: number; image_tokens: number };
}

/** The answer of `POST /images/generations` and `POST /images/edits`. */
export interface ImagesResponse {
  created: number;
  data: Image[];
  output_format?: "png" | "webp" | "jpeg";
  usage?: ImageGenUsage;
}

/** The event of a streamed image generation (or edit) that carries one finished image. */
export interface ImageCompletedEvent {
  type: "image_generation.completed" | "image_edit.completed";
  b64_json: string;
  created_at: number;
  size: "1024x1024" | "1024x1536" | "1536x1024" | "auto";
  quality: "low" | "medium" | "high" | "auto";
  background: "transparent" | "opaque" | "auto";
  output_format: "png" | "webp" | "jpeg";
  usage: ImageGenUsage;
}

/** A word of a transcription with its times, in seconds. */
export interface TranscriptionWord {
  word: string;
  start: number;
  end: number;
}

/** A segment of a transcription with its times, in seconds. */
export interface TranscriptionSegment {
  id: number;
  seek: number;
  start: number;
  end: number;
  text: string;
  tokens: number[];
  temperature: number;
  avg_logprob: number;
  compression_ratio: number;
  no_speech_prob: number;
}

/** Token usage of a transcription. */
export interface TranscriptTextUsageTokens {
  type: "tokens";
  input_tokens: number;
  input_token_details?: { text_tokens?: number; audio_tokens?: number };
  output_tokens: number;
  total_tokens: number;
}

/** `response_format: "json"` of `POST /audio/transcriptions` (and of translations, without usage). */
export interface CreateTranscriptionResponseJson {
  text: string;
  usage?: TranscriptTextUsageTokens;
}

/** `response_format: "verbose_json"` of `POST /audio/transcriptions` and `/audio/translations`. */
export interface CreateTranscriptionResponseVerboseJson {
  task?: "transcribe" | "translate";
  language: string;
  duration: number;
  text: string;
  words?: TranscriptionWord[];
  segments?: TranscriptionSegment[];
  usage?: TranscriptTextUsageDuration;
}

/** `response_format: "diarized_json"` of `POST /audio/transcriptions`. */
export interface CreateTranscriptionResponseDiarizedJson {
  task: "transcribe";
  duration: number;
  text: string;
  segments: TranscriptionDiarizedSegment[];
  usage?: TranscriptTextUsageTokens | TranscriptTextUsageDuration;
}

/** A segment of a diarized transcript, with its speaker. */
export interface TranscriptionDiarizedSegment {
  type: "transcript.text.segment";
  id: string;
  start: number;
  end: number;
  text: string;
  speaker: string;
}

/** Usage billed by the audio's length (Whisper's). */
export interface TranscriptTextUsageDuration {
  type: "duration";
  seconds: number;
}

/** A streamed piece of a transcription. */
export interface TranscriptTextDeltaEvent {
  type: "transcript.text.delta";
  delta: string;
}

/** The last event of a streamed transcription: all of its text. */
export interface TranscriptTextDoneEvent {
  type: "transcript.text.done";
  text: string;
  usage?: TranscriptTextUsageTokens;
}

/** A streamed piece of speech (`stream_format: "sse"`), base64 in the requested format. */
export interface SpeechAudioDeltaEvent {
  type: "speech.audio.delta";
  audio: string;
}

/** The last event of streamed speech. */
export interface SpeechAudioDoneEvent {
  type: "speech.audio.done";
  usage: { input_tokens: number; output_tokens: number; total_tokens: number };
}
