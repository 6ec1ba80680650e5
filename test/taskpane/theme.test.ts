import { luminance } from "../../src/taskpane/theme";

describe("telling Office's dark themes from its light ones by the body color", () => {
  it.each([
    ["#ffffff", 1],
    ["#000000", 0],
  ])("%s has luminance %d", (color, value) => {
    expect(luminance(color)).toBeCloseTo(value, 6);
  });

  it("puts dark grays below the 0.2 line and light grays above it", () => {
    // #262626 and #444444 are dark theme backgrounds; #e6e6e6 and #f3f3f3 light ones.
    for (const dark of ["#262626", "#444444"]) expect(luminance(dark)).toBeLessThan(0.2);
    for (const light of ["#e6e6e6", "#f3f3f3"]) expect(luminance(light)).toBeGreaterThan(0.2);
  });

  it("refuses what is not a #rrggbb color", () => {
    expect(luminance("white")).toBeNull();
    expect(luminance("#fff")).toBeNull();
  });
});
