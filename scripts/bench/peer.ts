/**
 * A peer in the same run: @pydantic/genai-prices (MIT; a dev dependency, never bundled) prices the
 * same gpt-image-2 token usages through its calcPrice as our core's tokenCost does from the price
 * book. Every total must agree to 1e-9 USD, or the run fails (an ERROR row, in every mode): two
 * engines reading the same published meters must give the same money. Then both are timed over the
 * same usages, and our time is printed as a ratio of theirs.
 *
 * The usages are mapped between the two models of a request. Ours counts each meter apart (text
 * input, cached text input, image input, cached image input, image output). genai-prices counts
 * totals and their parts: input_tokens includes the cached and image tokens, cache_read_tokens
 * includes the cached image tokens, input_image_tokens includes the cached image tokens, and it
 * prices each leaf once (see its price key table: input_mtok, cache_read_mtok, input_image_mtok,
 * cache_image_read_mtok, output_mtok).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { loadCore } from "./core-subjects";
import { measured, skipped, type Options, type Row, type Target } from "./report";
import { ms, paired } from "./timing";
import { lcg } from "./workload";

const NAME = "Peer (genai-prices)";
const RATIO: Target = { op: "<=", limit: 1 };
const AGREE: Target = { op: "<=", limit: 1e-9 };
const MODEL = "gpt-image-2";
const PROVIDER = "openai";

/** One request's tokens, meter by meter, as our TokenCounts takes them. */
export interface TokenUsage {
  readonly textInput: number;
  readonly cachedTextInput: number;
  readonly imageInput: number;
  readonly cachedImageInput: number;
  readonly imageOutput: number;
}

/** The same request in genai-prices' terms: totals with their parts (see the header). */
export function peerUsage(u: TokenUsage): Record<string, number> {
  return {
    input_tokens: u.textInput + u.cachedTextInput + u.imageInput + u.cachedImageInput,
    cache_read_tokens: u.cachedTextInput + u.cachedImageInput,
    input_image_tokens: u.imageInput + u.cachedImageInput,
    cache_image_read_tokens: u.cachedImageInput,
    output_tokens: u.imageOutput,
  };
}

/**
 * `count` requests a GPT Image 2 user makes: a prompt of 20 to 2,000 text tokens, 0 to 4 reference
 * images (about 0 to 6,000 image tokens), sometimes cached, and the output tokens of one image of a
 * size and quality (196 to 6,240). Repeatable: a fixed pseudo-random sequence.
 */
export function tokenUsages(count: number, seed = 5): TokenUsage[] {
  const next = lcg(seed);
  const OUTPUTS = [196, 272, 408, 1056, 1568, 4160, 6240] as const;
  const out: TokenUsage[] = [];
  for (let i = 0; i < count; i++) {
    const text = 20 + (next() % 1981);
    const images = next() % 5;
    const image = images * (500 + (next() % 1001));
    const cachedShare = next() % 4 === 0 ? (next() % 101) / 100 : 0;
    out.push({
      textInput: Math.round(text * (1 - cachedShare)),
      cachedTextInput: Math.round(text * cachedShare),
      imageInput: Math.round(image * (1 - cachedShare)),
      cachedImageInput: Math.round(image * cachedShare),
      imageOutput: OUTPUTS[next() % OUTPUTS.length] as number,
    });
  }
  return out;
}

type CalcPrice = (
  usage: Record<string, number>,
  model: string,
  options?: { providerId?: string },
) => { total_price: number } | null;

export async function peer(options: Options): Promise<Row[]> {
  const loaded = await loadCore();
  if (!loaded.ok) {
    return [
      skipped(NAME, "totals disagree by at most", "USD", AGREE, loaded.why),
      skipped(NAME, "our token path vs calcPrice", "x", RATIO, loaded.why),
    ];
  }
  let calcPrice: CalcPrice;
  let version: string;
  try {
    const require = createRequire(__filename);
    calcPrice = (require("@pydantic/genai-prices") as { calcPrice: CalcPrice }).calcPrice;
    // Its exports hide package.json: read it beside the entry file (dist/index.cjs).
    const entry = require.resolve("@pydantic/genai-prices");
    const manifest = path.join(path.dirname(entry), "..", "package.json");
    version = (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
  } catch (error) {
    const why = `@pydantic/genai-prices is not installed (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
    return [
      skipped(NAME, "totals disagree by at most", "USD", AGREE, why),
      skipped(NAME, "our token path vs calcPrice", "x", RATIO, why),
    ];
  }
  const { tokenCost, bundledBook } = loaded.module;
  const usages = tokenUsages(options.smoke ? 512 : 4096);
  const theirUsages = usages.map(peerUsage);

  const ours = (u: TokenUsage): number => {
    const r = tokenCost(bundledBook, PROVIDER, u);
    if (!r.ok) throw new Error(`tokenCost rejected ${JSON.stringify(u)}: ${r.message}`);
    return r.value;
  };
  const theirs = (u: Record<string, number>): number => {
    const r = calcPrice(u, MODEL, { providerId: PROVIDER });
    if (r === null) throw new Error(`genai-prices has no price for ${MODEL} at ${PROVIDER}`);
    return r.total_price;
  };

  let worst = 0;
  let worstAt = -1;
  for (let i = 0; i < usages.length; i++) {
    const a = ours(usages[i] as TokenUsage);
    const b = theirs(theirUsages[i] as Record<string, number>);
    const diff = Math.abs(a - b);
    if (!(diff <= worst)) {
      worst = diff;
      worstAt = i;
    }
  }
  if (!(worst <= AGREE.limit)) {
    throw new Error(
      `totals disagree by ${worst} USD (> ${AGREE.limit}) on ${JSON.stringify(usages[worstAt])}: ` +
        `ours ${ours(usages[worstAt] as TokenUsage)}, genai-prices ${theirs(theirUsages[worstAt] as Record<string, number>)}`,
    );
  }

  let sink = 0;
  // genai-prices takes about 20 us a usage here: 3 rounds keep its run near a quarter of a second.
  const rounds = options.smoke ? 1 : 3;
  const runOurs = (): void => {
    for (let k = 0; k < rounds; k++) for (const u of usages) sink += ours(u);
  };
  const runTheirs = (): void => {
    for (let k = 0; k < rounds; k++) for (const u of theirUsages) sink += theirs(u);
  };
  const runs = options.smoke ? 3 : 9;
  const warmup = options.smoke ? 1 : 2;
  const result = paired(runOurs, runTheirs, runs, warmup);
  if (!Number.isFinite(sink)) throw new Error("a total was not a number during the timed runs");
  const calls = rounds * usages.length;
  const nsOurs = (result.subject * 1e6) / calls;
  const nsTheirs = (result.baseline * 1e6) / calls;
  return [
    measured(
      NAME,
      "totals disagree by at most",
      worst,
      "USD",
      AGREE,
      `${usages.length} ${MODEL} usages (text, cached text, image, cached image input and image output tokens), ` +
        `tokenCost("${PROVIDER}") of the bundled book against calcPrice("${MODEL}", providerId "${PROVIDER}") of genai-prices ${version}`,
    ),
    measured(
      NAME,
      "our token path vs calcPrice",
      result.ratio,
      "x",
      RATIO,
      `ours ${nsOurs.toFixed(0)} ns a usage (${ms(result.subject)} a run), genai-prices ${nsTheirs.toFixed(0)} ns ` +
        `(${ms(result.baseline)}); ${calls} usages a run; ${loaded.via}; median of ${runs} after ${warmup} warm-up`,
    ),
  ];
}
