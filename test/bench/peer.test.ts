/**
 * The peer check's mapping between our per-meter token counts and genai-prices' totals-with-parts,
 * worked by hand, and its usages. No timing here.
 */
import { calcPrice } from "@pydantic/genai-prices";
import { peerUsage, tokenUsages } from "../../scripts/bench/peer";
import { bundledBook, tokenCost } from "../../src/core";

// 1,000 text + 200 cached text + 3,000 image + 400 cached image input, 5,000 image output tokens at
// OpenAI's gpt-image-2 meters (USD per 1M: text 5, cached text 1.25, image 8, cached image 2,
// output 30): (1000x5 + 200x1.25 + 3000x8 + 400x2 + 5000x30) / 1e6
// = (5000 + 250 + 24000 + 800 + 150000) / 1e6 = 0.18005 USD.
const USAGE = {
  textInput: 1000,
  cachedTextInput: 200,
  imageInput: 3000,
  cachedImageInput: 400,
  imageOutput: 5000,
};

describe("the genai-prices peer", () => {
  it("maps per-meter counts to totals with their parts", () => {
    expect(peerUsage(USAGE)).toEqual({
      input_tokens: 4600, // 1000 + 200 + 3000 + 400
      cache_read_tokens: 600, // 200 + 400
      input_image_tokens: 3400, // 3000 + 400
      cache_image_read_tokens: 400,
      output_tokens: 5000,
    });
  });

  it("gives the hand-worked total on both sides", () => {
    const theirs = calcPrice(peerUsage(USAGE), "gpt-image-2", { providerId: "openai" });
    expect(theirs?.total_price).toBeCloseTo(0.18005, 12);
    const ours = tokenCost(bundledBook, "openai", USAGE);
    expect(ours).toEqual({ ok: true, value: expect.closeTo(0.18005, 12) });
  });

  it("draws usages with and without cached tokens, repeatably", () => {
    const usages = tokenUsages(500);
    expect(tokenUsages(500)).toEqual(usages);
    expect(usages.some((u) => u.cachedTextInput > 0 && u.cachedImageInput > 0)).toBe(true);
    expect(usages.some((u) => u.cachedTextInput === 0 && u.imageInput === 0)).toBe(true);
    expect(usages.every((u) => u.imageOutput >= 196 && u.textInput + u.cachedTextInput >= 20)).toBe(
      true,
    );
  });
});
