/**
 * Provider comparison: one row per provider of GPT Image 2 in the price book, priced live for a
 * chosen quality, size and volume, ranked, with each one's multiple of the cheapest and a bar chart
 * of the totals. Below it, a check of a reseller's list-price saving and the same ranking as one
 * IMG.CHEAPEST formula.
 */
import type { CompiledBook } from "../../core";
import { a1, abs, absRangeA1, ref, TemplateBuilder } from "../layout";
import type { TemplateSpec } from "../model";
import {
  AMOUNT,
  PROVIDER_NOTE,
  QUALITY_NOTE,
  QUALITY_VALUES,
  RETRY,
  SIZE_NOTE,
  WHOLE_NUMBER,
} from "./shared";

export const COMPARISON_ID = "comparison";

const COL = { id: 0, name: 1, price: 2, total: 3, rank: 4, multiple: 5 } as const;

export function comparisonTemplate(book: CompiledBook): TemplateSpec {
  const t = new TemplateBuilder();
  const quality = ref("Quality");
  const size = ref("Size");
  const volume = ref("Volume");
  const retry = ref("Retry_multiplier");
  // Comparison models (other image models on Atlas Cloud) are not GPT Image 2: never ranked.
  const providers = book.providers.filter((p) => !p.comparisonOnly);

  t.titleRows(
    "GPT Image 2 provider comparison",
    "Every provider of GPT Image 2 in the price book, priced for the quality, size and volume in the yellow cells, with its rank and its multiple of the cheapest.",
    "A provider that publishes no price for that quality and size shows #N/A (select the cell to read why) and is left out of the rank and the chart.",
  );

  t.put(4, 0, "Settings", { style: "heading" });
  t.inputRow(
    5,
    0,
    "Quality",
    "medium",
    { name: "Quality", note: QUALITY_NOTE, validation: QUALITY_VALUES },
    "text",
  );
  t.inputRow(6, 0, "Size", "1024x1024", { name: "Size", note: SIZE_NOTE }, "text");
  t.inputRow(
    7,
    0,
    "Images",
    10000,
    {
      name: "Volume",
      note: "Images you keep, a whole number, 0 or more.",
      validation: WHOLE_NUMBER,
    },
    "count",
  );
  t.inputRow(
    8,
    0,
    "Retry multiplier",
    1,
    {
      name: "Retry_multiplier",
      note: "1 or more; 1 means every image is kept. An assumption: measure it from your own logs.",
      validation: RETRY,
    },
    "multiplier",
  );

  t.put(10, 0, "Ranking (cheapest is rank 1)", { style: "heading" });
  const header = 11;
  t.headerRow(header, 0, [
    "Provider",
    "Name",
    "Price per image",
    "Total cost",
    "Rank",
    "Multiple of cheapest",
  ]);
  const first = header + 1;
  const last = header + providers.length;
  const prices = absRangeA1({ top: first, left: COL.price, bottom: last, right: COL.price });
  const totals = absRangeA1({ top: first, left: COL.total, bottom: last, right: COL.total });
  const cheapestRow = last + 2;
  const cheapestPrice = abs(cheapestRow, COL.price);
  providers.forEach((provider, i) => {
    const row = first + i;
    // Column fixed, row relative, as a person would write it and fill down.
    const id = `$${a1(row, COL.id)}`;
    const price = `$${a1(row, COL.price)}`;
    t.put(row, COL.id, provider.id, { format: "text", style: "label" });
    t.put(row, COL.name, provider.name, { style: "label" });
    t.put(row, COL.price, `=IMG.PRICE(${id},${quality},${size})`, { format: "usdPrice" });
    t.put(row, COL.total, `=IMG.COST(${id},${quality},${size},${volume},${retry})`, {
      format: "usd",
    });
    // Ranked and compared by price, so a volume of 0 still ranks; COUNTIFS and MINIFS skip #N/A.
    t.put(row, COL.rank, `=IF(ISNUMBER(${price}),COUNTIFS(${prices},"<"&${price})+1,"no price")`, {
      format: "count",
    });
    t.put(
      row,
      COL.multiple,
      `=IF(AND(ISNUMBER(${price}),${cheapestPrice}>0),${price}/${cheapestPrice},"")`,
      { format: "multiple" },
    );
  });
  t.table("ProviderRanking", { top: header, left: 0, bottom: last, right: COL.multiple });
  t.put(cheapestRow, COL.name, "Cheapest", { style: "label" });
  // A free price (0) would make every multiple infinite: the cheapest paid price is the yardstick.
  // MINIFS of no matching cell is 0, which would read as a free provider when every price fails
  // (the add-in missing, a size nobody prices): no price at all is #N/A instead.
  t.put(
    cheapestRow,
    COL.price,
    `=IF(COUNTIFS(${prices},">0")=0,NA(),MINIFS(${prices},${prices},">0"))`,
    {
      format: "usdPrice",
      style: "total",
    },
  );
  t.put(
    cheapestRow,
    COL.total,
    `=IF(COUNTIFS(${totals},">=0")=0,NA(),MINIFS(${totals},${totals},">=0"))`,
    {
      format: "usd",
      style: "total",
    },
  );
  t.chart({
    kind: "barClustered",
    title: "Total cost by provider",
    series: { top: header, left: COL.total, bottom: last, right: COL.total },
    categories: { top: first, left: COL.name, bottom: last, right: COL.name },
    placement: { top: 4, left: 7, bottom: 24, right: 14 },
    valueAxisTitle: "USD",
  });

  // A reseller's billed price against its list price, on the reseller's own example.
  let row = cheapestRow + 2;
  t.put(row++, 0, "Billed price against list price", { style: "heading" });
  t.put(
    row++,
    0,
    "Some resellers publish a list (retail) price beside the price they bill. Prospolabs' own example: a 10,000-image Medium batch costs 280 billed against 470 at retail.",
    { style: "intro" },
  );
  const checkHeader = row;
  t.headerRow(row++, 0, ["Item", "Value", "Note"]);
  const checkInputs: [string, string, string | number, "text" | "count" | "usdPrice", string][] = [
    ["Provider", "Check_provider", "prospolabs", "text", PROVIDER_NOTE],
    ["Quality", "Check_quality", "medium", "text", QUALITY_NOTE],
    ["Size", "Check_size", "1024x1024", "text", SIZE_NOTE],
    ["Images", "Check_images", 10000, "count", "Images in the batch, 0 or more."],
    [
      "List price per image",
      "Check_list_price",
      0.047,
      "usdPrice",
      "The retail price the provider publishes beside its billed price (Prospolabs Medium: 0.047). Type the current one from the provider's page.",
    ],
  ];
  for (const [label, name, value, format, note] of checkInputs) {
    const validation =
      name === "Check_quality"
        ? QUALITY_VALUES
        : name === "Check_images"
          ? WHOLE_NUMBER
          : name === "Check_list_price"
            ? AMOUNT
            : undefined;
    t.inputRow(
      row++,
      0,
      label,
      value,
      { name, note, ...(validation === undefined ? {} : { validation }) },
      format,
    );
  }
  const billed = abs(row, 1);
  t.put(row, 0, "Billed cost", { style: "label" });
  t.put(
    row,
    1,
    `=IMG.COST(${ref("Check_provider")},${ref("Check_quality")},${ref("Check_size")},${ref("Check_images")})`,
    { format: "usd", style: "result" },
  );
  t.put(row++, 2, "IMG.COST at the billed price", { style: "note" });
  const atList = abs(row, 1);
  t.put(row, 0, "Cost at list price", { style: "label" });
  t.put(row, 1, `=${ref("Check_images")}*${ref("Check_list_price")}`, {
    format: "usd",
    style: "result",
  });
  t.put(row++, 2, "Images x list price", { style: "note" });
  t.put(row, 0, "Saving", { style: "label" });
  t.put(row, 1, `=${atList}-${billed}`, { format: "usd", style: "total" });
  t.put(row, 2, "Cost at list price - billed cost", { style: "note" });
  t.table("ListPriceCheck", { top: checkHeader, left: 0, bottom: row, right: 2 });
  row += 2;

  // Last on the sheet: a spill needs the cells below it empty.
  t.put(row++, 0, "The same ranking in one formula", { style: "heading" });
  t.put(
    row++,
    0,
    "IMG.CHEAPEST spills a table sorted cheapest first from the cell below. Keep the cells under it empty.",
    { style: "note" },
  );
  t.put(row, 0, `=IMG.CHEAPEST(${quality},${size},${volume},${retry})`);

  return t.build({
    id: COMPARISON_ID,
    title: "Provider comparison",
    description:
      "Every provider ranked for one quality, size and volume, with its multiple of the cheapest and a bar chart of total cost.",
    sheetName: "Provider comparison",
    columnWidths: [120, 200, 110, 110, 70, 130],
  });
}
