/**
 * WebSocket plumbing for tests: a client that records what it receives, loopback servers, and a
 * client that vanishes without a close frame.
 * @module
 */

/** A frame as received: text, or the bytes of a binary frame. */
export type Frame = string | Uint8Array;

/** A WebSocket client whose frames and close are awaited in order. */
export class TestSocket {
  /** Resolves with the close event once the connection is closed. */
  readonly closed: Promise<CloseEvent>;
  readonly #frames: Frame[] = [];
  #wake?: () => void;

  private constructor(readonly socket: WebSocket) {
    socket.binaryType = "arraybuffer";
    socket.onmessage = ({ data }) => {
      this.#frames.push(typeof data === "string" ? data : new Uint8Array(data));
      this.#wake?.();
    };
    this.closed = new Promise((resolve) => {
      socket.onclose = (event) => {
        resolve(event);
        this.#wake?.();
      };
    });
  }

  /** Connects to `url`; resolves once open, or with the socket already closed if it failed. */
  static async connect(url: string | URL, protocols?: string[]): Promise<TestSocket> {
    const client = new TestSocket(new WebSocket(url, protocols));
    await Promise.race([
      new Promise((resolve) => client.socket.addEventListener("open", resolve)),
      client.closed,
    ]);
    return client;
  }

  /** Sends one frame. */
  send(data: Frame): void {
    this.socket.send(data);
  }

  /** The next frame received, or `undefined` once the socket closed without more. */
  async next(): Promise<Frame | undefined> {
    while (this.#frames.length === 0 && this.socket.readyState !== WebSocket.CLOSED) {
      await new Promise<void>((resolve) => this.#wake = resolve);
    }
    return this.#frames.shift();
  }

  /** The next frame, which must be binary, parsed as JSON. */
  async nextJson(): Promise<Record<string, unknown>> {
    const frame = await this.next();
    if (!(frame instanceof Uint8Array)) throw new Error(`expected a binary frame, got ${frame}`);
    return JSON.parse(new TextDecoder().decode(frame));
  }

  /** Closes the socket and waits until it is closed. */
  close(code?: number, reason?: string): Promise<CloseEvent> {
    this.socket.close(code, reason);
    return this.closed;
  }
}

/** A loopback HTTP server on a free port; `url` is its origin. */
export function serveLoopback(
  handler: Deno.ServeHandler<Deno.NetAddr>,
): Deno.HttpServer<Deno.NetAddr> & { url: string } {
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, handler);
  return Object.assign(server, { url: `http://127.0.0.1:${server.addr.port}` });
}

/** Resolves after `ms` milliseconds. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Opens a WebSocket to `port` and `path` over a raw TCP connection, then returns the
 * connection so that a test can drop it without a close frame.
 */
export async function rawWebSocket(port: number, path: string): Promise<Deno.TcpConn> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  await conn.write(new TextEncoder().encode(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n` +
      "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" +
      "Sec-WebSocket-Version: 13\r\n\r\n",
  ));
  const head = new Uint8Array(1024);
  const read = await conn.read(head);
  const status = new TextDecoder().decode(head.subarray(0, read ?? 0)).split("\r\n")[0];
  if (!status.includes(" 101 ")) throw new Error(`handshake failed: ${status}`);
  return conn;
}
