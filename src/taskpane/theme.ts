/**
 * Light or dark, as Office shows itself. Inside Office the pane follows Office's theme
 * (Office.context.officeTheme: its body background tells a dark theme from a light one); in a
 * plain browser the stylesheet follows prefers-color-scheme on its own.
 * https://learn.microsoft.com/javascript/api/office/office.officetheme
 *
 * The theme can change while the pane is open. Office.EventType.OfficeThemeChanged is documented
 * for Outlook only (Office.OfficeThemeChangedEventArgs, "API set: Mailbox 1.14", registered on
 * Office.context.mailbox); Excel has no such event. Excel's webview does follow the system's
 * light/dark setting, so a prefers-color-scheme change is the moment to read officeTheme again;
 * where a host does offer the event on the document, it is used too.
 * https://learn.microsoft.com/javascript/api/outlook/office.officethemechangedeventargs
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

interface DocumentEvents {
  addHandlerAsync?: (
    type: string,
    handler: (args: { officeTheme?: ThemeLike }) => void,
    callback?: (result: unknown) => void,
  ) => void;
}

interface OfficeLike {
  EventType?: { OfficeThemeChanged?: string };
  context?: { officeTheme?: ThemeLike; document?: DocumentEvents };
}

function office(): OfficeLike | undefined {
  try {
    return (globalThis as unknown as { Office?: OfficeLike }).Office;
  } catch {
    return undefined;
  }
}

let following = false;

/**
 * Sets data-theme from Office's theme; leaves it unset (prefers-color-scheme) outside Office. The
 * first call also starts following later changes (see the top of this file); calling it again is
 * harmless.
 */
export function applyOfficeTheme(): void {
  setTheme(readTheme());
  if (following) return;
  following = true;
  followThemeChanges();
}

function readTheme(): ThemeLike | undefined {
  try {
    return office()?.context?.officeTheme;
  } catch {
    return undefined;
  }
}

function followThemeChanges(): void {
  // The system's light/dark setting moved: Office's theme may have moved with it.
  try {
    window
      .matchMedia?.("(prefers-color-scheme: dark)")
      .addEventListener?.("change", () => setTheme(readTheme()));
  } catch {
    // No matchMedia: the pane keeps the theme it opened with.
  }
  const o = office();
  const type = o?.EventType?.OfficeThemeChanged;
  const events = o?.context?.document;
  if (type === undefined || typeof events?.addHandlerAsync !== "function") return;
  try {
    events.addHandlerAsync(type, (args) => setTheme(args.officeTheme ?? readTheme()));
  } catch {
    // A host without the event refuses it: the prefers-color-scheme path above remains.
  }
}

function setTheme(theme: ThemeLike | undefined): void {
  if (theme === undefined || theme === null) return;
  let dark: boolean | null = typeof theme.isDarkTheme === "boolean" ? theme.isDarkTheme : null;
  if (dark === null && typeof theme.bodyBackgroundColor === "string") {
    const l = luminance(theme.bodyBackgroundColor);
    if (l !== null) dark = l < 0.2;
  }
  if (dark !== null) document.documentElement.dataset["theme"] = dark ? "dark" : "light";
}
