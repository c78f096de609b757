/**
 * Waiting a bounded time for a stream's first value, so that a response can choose between an
 * HTTP error and a stream that has already begun.
 * @module
 */

interface Started<T> {
  reader: ReadableStreamDefaultReader<T>;
  first: ReadableStreamReadResult<T>;
}

/**
 * Resolves with a stream of everything `upstream` yields, once its first value has arrived or
 * `ms` have passed, whichever is sooner. A failure before then rejects, so the caller can still
 * answer with an HTTP error; a later one errors the returned stream. Cancelling the returned
 * stream cancels `upstream`, even if it has not started yet.
 */
export async function firstWithin<T>(
  upstream: Promise<ReadableStream<T>>,
  ms: number,
): Promise<ReadableStream<T>> {
  const opened = upstream.then((stream) => stream.getReader());
  const started: Promise<Started<T>> = opened.then(async (reader) => ({
    reader,
    first: await reader.read(),
  }));
  opened.catch(() => {}); // Observed through `started`, by the race or the returned stream.
  started.catch(() => {});
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([started, new Promise((resolve) => timer = setTimeout(resolve, ms))]);
  } finally {
    clearTimeout(timer);
  }
  let reader: ReadableStreamDefaultReader<T> | undefined;
  return new ReadableStream<T>({
    async pull(controller) {
      let result: ReadableStreamReadResult<T>;
      if (reader) result = await reader.read();
      else ({ reader, first: result } = await started);
      if (result.done) controller.close();
      else controller.enqueue(result.value);
    },
    async cancel(reason) {
      await opened.then((reader) => reader.cancel(reason), () => {});
    },
  });
}
