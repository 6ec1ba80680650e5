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
  init: { signal: AbortSignal; cache: "no-store"; credentials: "omit"; mode?: "cors" | "no-cors" },
) => Promise<Response>;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

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
    message: `The feed did not answer within ${limits.timeoutMs / 1000} s. Try again later, or check the address.`,
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
      // A browser reports a CORS refusal and an unreachable server with the same TypeError. A
      // "no-cors" request tells them apart: it succeeds (with an unreadable answer) when the
      // server answered but did not allow the add-in to read it.
      let answered = false;
      try {
        await fetchImpl(url, {
          signal: controller.signal,
          cache: "no-store",
          credentials: "omit",
          mode: "no-cors",
        });
        answered = true;
      } catch {
        if (timedOut) return tooSlow();
      }
      if (answered) {
        return {
          ok: false,
          message: `${hostOf(url)} answered, but the server does not allow add-ins to read it (no CORS permission). Ask its owner to allow it, or publish the feed where add-ins may read it.`,
        };
      }
      return {
        ok: false,
        message: `Could not reach ${hostOf(url)} (${describe(error)}). Check the address and your connection.`,
      };
    }
    if (!response.ok) {
      const why: Record<number, string> = {
        401: "it needs a sign-in",
        403: "access is refused",
        404: "nothing is at that address",
        500: "the server failed",
        503: "the server is unavailable",
      };
      const reason = why[response.status];
      return {
        ok: false,
        message: `The feed answered HTTP ${response.status}${reason === undefined ? "" : ` (${reason})`}. Check the address.`,
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
