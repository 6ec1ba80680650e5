/**
 * Volume projection: images a day (100 / 1,000 / 10,000, editable) times days a month (30,
 * editable) to daily and monthly cost for three providers side by side, with a chart. With Atlas
 * Cloud it reproduces the daily/monthly table of Atlas Cloud's GPT Image 2 guide.
 */
import { a1, ref, TemplateBuilder } from "../layout";
import type { TemplateSpec } from "../model";
import { PROVIDER_NOTE, QUALITY_NOTE, QUALITY_VALUES, SIZE_NOTE, WHOLE_NUMBER } from "./shared";

export const PROJECTION_ID = "projection";

const DEFAULT_PROVIDERS = ["atlas", "openai", "prospolabs"] as const;
const DEFAULT_VOLUMES = [100, 1000, 10000] as const;

export function projectionTemplate(): TemplateSpec {
  const t = new TemplateBuilder();
  const quality = ref("Quality");
  const size = ref("Size");
  const days = ref("Days_per_month");

  t.titleRows(
    "GPT Image 2 volume projection",
    "Daily and monthly cost at three volumes for three providers side by side. Change any yellow cell: the providers, quality, size, days a month or the images a day.",
    "With Atlas Cloud this reproduces Atlas Cloud's own table: 100 images a day cost 0.80 a day and 24 a month.",
  );

  t.put(4, 0, "Settings", { style: "heading" });
  const settingsHeader = 5;
  t.headerRow(settingsHeader, 0, ["Setting", "Value", "Price per image", "Note"]);
  DEFAULT_PROVIDERS.forEach((provider, i) => {
    const row = settingsHeader + 1 + i;
    const name = `Provider_${i + 1}`;
    t.inputRow(row, 0, `Provider ${i + 1}`, provider, { name, note: PROVIDER_NOTE }, "text", 3);
    t.put(row, 2, `=IMG.PRICE(${ref(name)},${quality},${size})`, {
      format: "usdPrice",
      style: "result",
    });
  });
  t.inputRow(
    9,
    0,
    "Quality",
    "medium",
    { name: "Quality", note: QUALITY_NOTE, validation: QUALITY_VALUES },
    "text",
    3,
  );
  t.inputRow(10, 0, "Size", "1024x1024", { name: "Size", note: SIZE_NOTE }, "text", 3);
  t.inputRow(
    11,
    0,
    "Days per month",
    30,
    {
      name: "Days_per_month",
      note: "Days the volume runs each month, a whole number, 0 or more.",
      validation: WHOLE_NUMBER,
    },
    "count",
    3,
  );
  t.table("ProjectionSettings", { top: settingsHeader, left: 0, bottom: 11, right: 3 });

  // The projection: a styled range rather than an Excel table, because its column headers follow
  // the providers chosen above and Excel table headers cannot hold formulas.
  t.put(13, 0, "Projection", { style: "heading" });
  const header = 14;
  const perDay = DEFAULT_PROVIDERS.map((_, i) => `=${ref(`Provider_${i + 1}`)}&" per day"`);
  const perMonth = DEFAULT_PROVIDERS.map((_, i) => `=${ref(`Provider_${i + 1}`)}&" per month"`);
  t.headerRow(header, 0, ["Images per day", ...perDay, ...perMonth]);
  DEFAULT_VOLUMES.forEach((volume, v) => {
    const row = header + 1 + v;
    const imagesPerDay = `$${a1(row, 0)}`;
    t.put(row, 0, volume, {
      format: "count",
      style: "input",
      input: {
        name: `Images_per_day_${v + 1}`,
        note: "Images generated a day, 0 or more. Edit it to your own volume.",
        validation: WHOLE_NUMBER,
      },
    });
    DEFAULT_PROVIDERS.forEach((_, p) => {
      const provider = ref(`Provider_${p + 1}`);
      t.put(row, 1 + p, `=IMG.COST(${provider},${quality},${size},${imagesPerDay})`, {
        format: "usd",
      });
      t.put(
        row,
        1 + DEFAULT_PROVIDERS.length + p,
        `=IMG.COST(${provider},${quality},${size},${imagesPerDay}*${days})`,
        {
          format: "usd",
        },
      );
    });
  });
  const last = header + DEFAULT_VOLUMES.length;
  t.put(
    last + 1,
    0,
    "Images per day (yellow) are editable. Monthly cost = images per day x days per month x price per image.",
    { style: "note" },
  );
  t.chart({
    kind: "columnClustered",
    title: "Monthly cost by images per day",
    series: {
      top: header,
      left: 1 + DEFAULT_PROVIDERS.length,
      bottom: last,
      right: 2 * DEFAULT_PROVIDERS.length,
    },
    categories: { top: header + 1, left: 0, bottom: last, right: 0 },
    placement: { top: 4, left: 8, bottom: 24, right: 15 },
    valueAxisTitle: "USD a month",
  });

  return t.build({
    id: PROJECTION_ID,
    title: "Volume projection",
    description:
      "Images a day times days a month to daily and monthly cost for three providers, with a chart; 100, 1,000 and 10,000 a day to start.",
    sheetName: "Volume projection",
    columnWidths: [120, 120, 120, 120, 130, 130, 130],
  });
}
