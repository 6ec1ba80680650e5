import { lookupProvider } from "./book";
import type { CompiledBook, ProviderInfo } from "./types";
import type { Result } from "./result";

/**
 * Finds a provider by id, name or alias, ignoring case, spaces and punctuation ("Azure OpenAI",
 * "fal.ai", "OPENAI-batch"). UNKNOWN_PROVIDER lists the accepted ids; empty text is EMPTY.
 */
export function findProvider(book: CompiledBook, input: unknown): Result<ProviderInfo> {
  const found = lookupProvider(book, input);
  return "info" in found ? { ok: true, value: found.info } : found;
}
