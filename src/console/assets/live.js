// The Live panel: a voice conversation with the Live API through the gateway's /ws: microphone
// in (16 kHz PCM from an AudioWorklet), the model's 24 kHz PCM played back, transcripts, barge-in
// (`interrupted`), and optional camera or screen frames as JPEG.

import { byId, h, setStatus } from "./dom.js";
import { canCall, fillSelect, listModels, storedKey } from "./gateway.js";

const MODEL_ITEM = "gemini-gateway.live-model";
const LIVE = /live|native-audio/;
const OUTPUT_RATE = 24000;
const FRAME_INTERVAL_MS = 1000;

/** Base64 of bytes. */
function toBase64(bytes) {
  let binary = "";
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

/** Bytes of base64 (standard or URL-safe). */
function fromBase64(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** What the close of a Live socket means, for people. */
function closeMessage(event, opened) {
  if (event.code === 1000 && !event.reason) return "The session ended.";
  if (!opened || event.code === 1006) {
    return "The connection was refused or lost before the session started (no key or token, " +
      "or a key the gateway does not accept?).";
  }
  const what = event.code === 1007 || event.code === 1008
    ? "Gemini refused the session"
    : "The session closed";
  return `${what} (${event.code}): ${event.reason || "no reason given"}`;
}

/** One running Live session. */
class Session {
  constructor(model, voice) {
    this.model = model;
    this.voice = voice;
    this.sentSeconds = 0;
    this.receivedSeconds = 0;
    this.sources = new Set();
    this.lines = {};
    this.opened = false;
    this.ready = false;
  }

  async start() {
    const status = byId("live-status");
    setStatus(status, "Asking for the microphone…");
    try {
      this.mic = await navigator.mediaDevices.getUserMedia({
        audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true },
      });
    } catch (error) {
      const denied = error.name === "NotAllowedError" || error.name === "SecurityError";
      throw new Error(
        denied
          ? "The browser denied the microphone: allow it for this site (the lock icon by the " +
            "address) and try again. Pages on other hosts than localhost need HTTPS."
          : `No microphone: ${error.message}`,
      );
    }
    if (this.stopped) return this.#release(); // stopped while the browser asked
    this.audio = new AudioContext();
    try {
      await this.audio.audioWorklet.addModule("/console/worklet.js");
    } catch (error) {
      if (this.stopped) return this.#release();
      throw error;
    }
    if (this.stopped) return this.#release();
    this.capture = new AudioWorkletNode(this.audio, "pcm-capture");
    this.audio.createMediaStreamSource(this.mic).connect(this.capture);
    this.playhead = 0;
    this.capture.port.onmessage = ({ data }) => this.#onAudio(data);
    this.#connect();
  }

  #connect() {
    const status = byId("live-status");
    setStatus(status, "Connecting…");
    const url = new URL("/ws", location.href);
    url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
    const key = storedKey();
    if (key) url.searchParams.set("key", key);
    this.socket = new WebSocket(url);
    this.socket.binaryType = "arraybuffer";
    this.socket.onopen = () => {
      this.opened = true;
      this.#send({
        setup: {
          model: `models/${this.model}`,
          generationConfig: {
            responseModalities: ["AUDIO"],
            speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: this.voice } } },
          },
          inputAudioTranscription: {},
          outputAudioTranscription: {},
        },
      });
    };
    this.socket.onmessage = ({ data }) => {
      const text = typeof data === "string" ? data : new TextDecoder().decode(data);
      this.#onMessage(JSON.parse(text));
    };
    this.socket.onclose = (event) => {
      const kind = event.code === 1000 && event.reason === "" ? "" : "error";
      setStatus(byId("live-status"), closeMessage(event, this.opened), kind);
      this.stop(false);
    };
  }

  #send(message) {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  #onAudio({ pcm, peak }) {
    byId("live-level").value = peak;
    if (!this.ready) return;
    this.#send({
      realtimeInput: {
        audio: { mimeType: "audio/pcm;rate=16000", data: toBase64(new Uint8Array(pcm)) },
      },
    });
    this.sentSeconds += pcm.byteLength / 32000;
    this.#stats();
  }

  #onMessage(message) {
    if (message.setupComplete) {
      this.ready = true;
      setStatus(byId("live-status"), "Listening: speak now.", "ok");
      for (const id of ["live-input", "live-send", "live-camera", "live-screen"]) {
        byId(id).disabled = false;
      }
      return;
    }
    const content = message.serverContent;
    if (message.goAway) {
      setStatus(byId("live-status"), `Gemini will end the session in ${message.goAway.timeLeft}.`);
    }
    if (message.toolCall) {
      this.#send({
        toolResponse: {
          functionResponses: message.toolCall.functionCalls.map((call) => ({
            id: call.id,
            name: call.name,
            response: { error: "The console runs no tools." },
          })),
        },
      });
    }
    if (!content) return;
    if (content.interrupted) {
      this.lines.model?.append(" (interrupted)");
      this.#flush();
    }
    if (content.inputTranscription?.text) this.#line("user", content.inputTranscription.text);
    if (content.outputTranscription?.text) this.#line("model", content.outputTranscription.text);
    for (const part of content.modelTurn?.parts ?? []) {
      if (part.inlineData?.mimeType?.startsWith("audio/pcm")) this.#play(part.inlineData);
      else if (part.text && !part.thought) this.#line("model", part.text);
    }
    if (content.turnComplete) this.lines = {};
  }

  /** Appends transcript text to the current line of `who`, starting one if needed. */
  #line(who, text) {
    const log = byId("live-log");
    if (!this.lines[who]) {
      if (who === "user") this.lines.model = undefined;
      const body = h("span", {});
      log.append(
        h(
          "div",
          { class: `message ${who === "user" ? "user" : "assistant"}` },
          h("span", { class: "who" }, who === "user" ? "You: " : "Gemini: "),
          body,
        ),
      );
      this.lines[who] = body;
    }
    this.lines[who].textContent += text;
    log.scrollTop = log.scrollHeight;
  }

  #play({ mimeType, data }) {
    const rate = Number(/rate=(\d+)/.exec(mimeType)?.[1] ?? OUTPUT_RATE);
    const bytes = fromBase64(data);
    const samples = new Int16Array(bytes.buffer, 0, bytes.length >> 1);
    const buffer = this.audio.createBuffer(1, samples.length || 1, rate);
    const channel = buffer.getChannelData(0);
    for (let index = 0; index < samples.length; index++) channel[index] = samples[index] / 0x8000;
    const source = this.audio.createBufferSource();
    source.buffer = buffer;
    source.connect(this.audio.destination);
    this.playhead = Math.max(this.playhead, this.audio.currentTime);
    source.start(this.playhead);
    this.playhead += buffer.duration;
    this.sources.add(source);
    source.onended = () => {
      this.sources.delete(source);
      this.#stats();
    };
    this.receivedSeconds += buffer.duration;
    this.#stats();
  }

  /** Stops the model's audio at once (the user spoke over it). */
  #flush() {
    for (const source of this.sources) source.stop();
    this.sources.clear();
    this.playhead = 0;
    this.lines.model = undefined;
    this.#stats();
  }

  #stats() {
    byId("live-stats").textContent = `Sent ${this.sentSeconds.toFixed(1)} s of audio, ` +
      `received ${this.receivedSeconds.toFixed(1)} s.`;
    byId("live-stats").dataset.received = String(this.receivedSeconds);
    byId("live-stats").dataset.playing = String(this.sources.size);
  }

  /** Sends typed text as realtime input. */
  say(text) {
    this.#line("user", text);
    this.lines.user = undefined;
    this.#send({ realtimeInput: { text } });
  }

  /**
   * Starts sending camera or screen frames, one JPEG a second (instead of the other kind), or
   * stops when that kind is already being sent.
   */
  async toggleVideo(kind) {
    const running = this.video?.kind;
    this.#stopVideo();
    if (running === kind) return;
    const stream = kind === "screen"
      ? await navigator.mediaDevices.getDisplayMedia({ video: true })
      : await navigator.mediaDevices.getUserMedia({ video: { width: 640 } });
    if (this.stopped || this.video) {
      // the session ended, or another kind started, while the browser asked
      stream.getTracks().forEach((track) => track.stop());
      return;
    }
    const video = byId("live-video");
    video.srcObject = stream;
    video.hidden = false;
    const canvas = document.createElement("canvas");
    byId(`live-${kind}`).setAttribute("aria-pressed", "true");
    this.video = {
      kind,
      stream,
      timer: setInterval(() => {
        if (!video.videoWidth || !this.ready) return;
        const scale = Math.min(1, 640 / video.videoWidth);
        canvas.width = video.videoWidth * scale;
        canvas.height = video.videoHeight * scale;
        canvas.getContext("2d").drawImage(video, 0, 0, canvas.width, canvas.height);
        const data = canvas.toDataURL("image/jpeg", 0.7).split(",")[1];
        this.#send({ realtimeInput: { video: { mimeType: "image/jpeg", data } } });
      }, FRAME_INTERVAL_MS),
    };
    stream.getVideoTracks()[0].onended = () => this.#stopVideo();
    await video.play();
  }

  #stopVideo() {
    if (!this.video) return;
    clearInterval(this.video.timer);
    this.video.stream.getTracks().forEach((track) => track.stop());
    byId(`live-${this.video.kind}`).setAttribute("aria-pressed", "false");
    this.video = undefined;
    byId("live-video").hidden = true;
  }

  /** Lets go of the microphone and the audio graph. */
  #release() {
    this.mic?.getTracks().forEach((track) => track.stop());
    this.capture?.disconnect();
    if (this.audio && this.audio.state !== "closed") this.audio.close();
  }

  /** Ends the session (closing the socket when `close`). */
  stop(close = true) {
    if (this.stopped) return;
    this.stopped = true;
    this.ready = false;
    this.#stopVideo();
    this.#flush();
    this.#release();
    if (close) this.socket?.close(1000);
    byId("live-level").value = 0;
    controls(false);
  }
}

let session;

function controls(running) {
  byId("live-start").disabled = running;
  byId("live-stop").disabled = !running;
  for (const id of ["live-input", "live-send", "live-camera", "live-screen"]) {
    byId(id).disabled = !running || !session?.ready;
  }
  if (!running) session = undefined;
}

/** Builds the Live panel. */
export function initLive() {
  const model = byId("live-model");
  model.addEventListener("change", () => localStorage.setItem(MODEL_ITEM, model.value));
  byId("live-start").addEventListener("click", async () => {
    if (!model.value) {
      setStatus(byId("live-status"), "No Live model listed: enter a key or token above.", "error");
      return;
    }
    session = new Session(model.value, byId("live-voice").value);
    controls(true);
    try {
      await session.start();
    } catch (error) {
      setStatus(byId("live-status"), error.message, "error");
      session?.stop();
    }
  });
  byId("live-stop").addEventListener("click", () => {
    session?.stop();
    setStatus(byId("live-status"), "Stopped.");
  });
  byId("live-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = byId("live-input");
    if (session?.ready && input.value.trim()) session.say(input.value.trim());
    input.value = "";
  });
  for (const kind of ["camera", "screen"]) {
    byId(`live-${kind}`).addEventListener(
      "click",
      () =>
        session?.toggleVideo(kind).catch((error) =>
          setStatus(byId("live-status"), `${kind}: ${error.message}`, "error")
        ),
    );
  }
  return {
    async refresh(description) {
      if (!canCall(description)) return;
      try {
        const ids = (await listModels()).filter((id) => LIVE.test(id));
        const newest = ids.findLast((id) => /-live$/.test(id)) ?? ids[0];
        fillSelect(model, ids, localStorage.getItem(MODEL_ITEM) ?? newest);
      } catch {
        // the chat panel reports why the models cannot be listed
      }
    },
  };
}
