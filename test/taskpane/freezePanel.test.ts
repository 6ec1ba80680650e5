/**
 * The sharing panel in the built pane, in headless Chromium outside Excel: it is mounted in the
 * Templates section, every control has a name a screen reader reads, and its actions say they need
 * Excel instead of failing.
 */
import { startHarness, type Harness } from "./browser/harness";

jest.setTimeout(60_000);

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

it("shows the sharing controls beside the templates and explains they need Excel", async () => {
  const page = await h.open();
  // The pane shows one tab at a time: the sharing controls are on the Templates tab.
  await page.click("#tab-templates");
  const panel = page.locator("#sharing-panel");
  await panel.locator("#sharing-heading").waitFor();
  // It sits in the Templates section, after the list.
  expect(
    await page.evaluate(
      () =>
        document
          .getElementById("templates")
          ?.parentElement?.contains(document.getElementById("sharing-panel")) ?? false,
    ),
  ).toBe(true);
  const names = await panel.locator("button").allInnerTexts();
  expect(names.map((n) => n.trim())).toEqual([
    "Freeze workbook",
    "Freeze sheet",
    "Restore live formulas",
    "Refresh portable prices",
    "Use prices from the sheet",
    "Write these prices",
    "Cancel",
  ]);
  const box = page.getByLabel(/Insert templates as portable/);
  expect(await box.isChecked()).toBe(false);
  await box.check();
  expect(await box.isChecked()).toBe(true);

  await page.getByRole("button", { name: "Freeze workbook" }).click();
  await expect(panel.locator("#sharing-status").innerText()).resolves.toMatch(/needs Excel/);
  expect(h.problems).toEqual([]);
  await page.close();
});
