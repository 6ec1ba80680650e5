/**
 * Which feed addresses the pane may fetch. Prices decide budgets, so they only travel over
 * https; plain http is allowed for a feed on this machine (a local test or staging server).
 */
export type UrlCheck = { ok: true; url: URL } | { ok: false; message: string };

// [::1] is not here: Chromium's Content-Security-Policy cannot name an IPv6 literal in connect-src,
// so the pane could not reach it anyway; say so instead of failing with a network error.
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1"]);

export function checkFeedUrl(input: string, base?: string): UrlCheck {
  const text = input.trim();
  if (text === "") {
    return { ok: false, message: "Enter a feed address (https://…)." };
  }
  let url: URL;
  try {
    url = base === undefined ? new URL(text) : new URL(text, base);
  } catch {
    return {
      ok: false,
      message: `"${text}" is not a web address. Use a full address such as https://example.com/prices.json.`,
    };
  }
  if (url.username !== "" || url.password !== "") {
    return { ok: false, message: "Feed addresses with a user name or password are not accepted." };
  }
  if (url.protocol === "https:") return { ok: true, url };
  if (url.protocol === "http:") {
    if (LOCAL_HOSTS.has(url.hostname)) return { ok: true, url };
    if (url.hostname === "[::1]") {
      return {
        ok: false,
        message:
          "Plain http to [::1] is blocked by the pane's security policy; use http://localhost or http://127.0.0.1.",
      };
    }
    return {
      ok: false,
      message: `Plain http is only accepted for localhost and 127.0.0.1; use https for ${url.hostname}.`,
    };
  }
  return {
    ok: false,
    message: `Only https addresses are accepted (http for localhost only); got "${url.protocol}".`,
  };
}
