/**
 * Fetches a price feed with a deadline and a size cap. The body is read chunk by chunk and the
 * request is aborted as soon as it passes the cap: a server can lie in Content-Length or stream
 * forever, and neither may freeze the pane or fill its memory.
 */
export interface FetchLimits {
  /** Whole request, headers and body, in milliseconds. */
  timeoutMs: number;
  /** Largest accepted body, in bytes. */
  maxBytes: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 10_000, maxBytes: 2 * 1024 * 1024 };

export type FetchOutcome = { ok: true; text: string } | { ok: false; message: string };

type FetchLike = (
  input: string,
  init: { signal: AbortSignal; cache: "no-store"; credentials: "omit" },
) => Promise<Response>;

function kib(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(0)} MB`
    : `${Math.round(bytes / 1024)} KB`;
}

export async function fetchFeedText(
  url: string,
  limits: FetchLimits = DEFAULT_LIMITS,
  fetchImpl: FetchLike = (u, init) => fetch(u, init),
): Promise<FetchOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  const tooSlow = (): FetchOutcome => ({
    ok: false,
    message: `The feed did not answer within ${limits.timeoutMs / 1000} s.`,
  });
  const tooBig = (): FetchOutcome => ({
    ok: false,
    message: `The feed is larger than ${kib(limits.maxBytes)}; a price book is far smaller, so it was not read.`,
  });
  try {
    let response: Response;
    try {
      response = await fetchImpl(url, {
        signal: controller.signal,
        cache: "no-store",
        credentials: "omit",
      });
    } catch (error) {
      if (timedOut) return tooSlow();
      return {
        ok: false,
        message: `Could not reach the feed (${describe(error)}). Check the address and your connection.`,
      };
    }
    if (!response.ok) {
      return {
        ok: false,
        message: `The feed answered HTTP ${response.status}.`,
      };
    }
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      controller.abort();
      return tooBig();
    }
    const body = response.body;
    if (body === null) {
      return { ok: false, message: "The feed sent no body." };
    }
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.byteLength;
        if (received > limits.maxBytes) {
          controller.abort();
          void reader.cancel().catch(() => undefined);
          return tooBig();
        }
        chunks.push(value);
      }
    } catch (error) {
      if (timedOut) return tooSlow();
      return {
        ok: false,
        message: `Reading the feed failed (${describe(error)}).`,
      };
    }
    const bytes = new Uint8Array(received);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, message: "The feed is not UTF-8 text." };
    }
    return { ok: true, text };
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  // Not instanceof: errors may come from another realm (a worker, a test sandbox).
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === "string" && message !== "" ? message : "network error";
}
