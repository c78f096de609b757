// AudioWorklet: the microphone's samples, averaged down to 16 kHz mono, posted as 16-bit PCM in
// 100 ms chunks, each with its peak level.

const RATE = 16000;
const CHUNK = RATE / 10;

class PcmCapture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.step = sampleRate / RATE;
    this.phase = 0;
    this.sum = 0;
    this.count = 0;
    this.peak = 0;
    this.chunk = new Int16Array(CHUNK);
    this.filled = 0;
  }

  process(inputs) {
    const samples = inputs[0]?.[0];
    if (!samples) return true;
    for (let index = 0; index < samples.length; index++) {
      this.sum += samples[index];
      this.count++;
      this.phase++;
      if (this.phase < this.step) continue;
      this.phase -= this.step;
      const value = Math.max(-1, Math.min(1, this.sum / this.count));
      this.peak = Math.max(this.peak, Math.abs(value));
      this.chunk[this.filled++] = value < 0 ? value * 0x8000 : value * 0x7fff;
      this.sum = 0;
      this.count = 0;
      if (this.filled === CHUNK) {
        this.port.postMessage({ pcm: this.chunk.buffer, peak: this.peak }, [this.chunk.buffer]);
        this.chunk = new Int16Array(CHUNK);
        this.filled = 0;
        this.peak = 0;
      }
    }
    return true;
  }
}

registerProcessor("pcm-capture", PcmCapture);
