/**
 * Light or dark, as Office shows itself. Inside Office the pane follows Office's theme
 * (Office.context.officeTheme: its body background tells a dark theme from a light one); in a
 * plain browser the stylesheet follows prefers-color-scheme on its own.
 * https://learn.microsoft.com/javascript/api/office/office.officetheme
 */

/** Relative luminance of a "#rrggbb" color (0 black, 1 white), or null when it is not one. */
export function luminance(color: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  if (m === null) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => {
    const c = parseInt(x ?? "0", 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

interface ThemeLike {
  bodyBackgroundColor?: unknown;
  /** Newer hosts say it outright (OfficeTheme.isDarkTheme, preview API). */
  isDarkTheme?: unknown;
}

/** Sets data-theme from Office's theme; leaves it unset (prefers-color-scheme) outside Office. */
export function applyOfficeTheme(): void {
  let theme: ThemeLike | undefined;
  try {
    theme = (globalThis as { Office?: { context?: { officeTheme?: ThemeLike } } }).Office?.context
      ?.officeTheme;
  } catch {
    theme = undefined;
  }
  if (theme === undefined || theme === null) return;
  let dark: boolean | null = typeof theme.isDarkTheme === "boolean" ? theme.isDarkTheme : null;
  if (dark === null && typeof theme.bodyBackgroundColor === "string") {
    const l = luminance(theme.bodyBackgroundColor);
    if (l !== null) dark = l < 0.2;
  }
  if (dark !== null) document.documentElement.dataset["theme"] = dark ? "dark" : "light";
}
