/**
 * The add-in's help pages: README.md becomes help.html (each function's @helpurl points at its
 * heading there, e.g. help.html#imgcost) and each docs/<page>.md becomes docs/<page>.html, so the
 * links between them keep working once served. The Markdown is read as GitHub reads it (GFM tables,
 * `\|` inside a cell, heading ids made by GitHub's own slug rules), by marked and
 * marked-gfm-heading-id. Build time only: nothing here ships in the add-in's scripts.
 */
import { Marked } from "marked";
import { gfmHeadingId } from "marked-gfm-heading-id";

const STYLE =
  "body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}" +
  "pre{background:#f4f4f4;padding:.5rem;overflow:auto}table{border-collapse:collapse}" +
  "td,th{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}" +
  "img{max-width:100%}";

const escapeHtml = (text) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A link to another Markdown page of this repository, pointed at the page the build makes of it:
 * README.md -> help.html, docs/x.md -> docs/x.html. Addresses with a scheme are left alone.
 */
export function pageLink(href) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//") || href.startsWith("#"))
    return href;
  const match = /^(.*?)([^/]*)\.md(#.*)?$/i.exec(href);
  if (match === null) return href;
  const [, dir = "", name = "", anchor = ""] = match;
  return `${dir}${name.toLowerCase() === "readme" ? "help" : name}.html${anchor}`;
}

/** One Markdown file as a standalone HTML page. */
export function markdownToHtml(markdown, fallbackTitle = "Help") {
  // A fresh parser per page: the heading-id extension counts repeated headings per document.
  const marked = new Marked({ gfm: true, async: false });
  marked.use(gfmHeadingId());
  marked.use({
    walkTokens(token) {
      if (token.type === "link" || token.type === "image") token.href = pageLink(token.href);
    },
  });
  const heading = /^# (.+)$/m.exec(markdown);
  const title = heading?.[1]?.replace(/`/g, "").trim() ?? fallbackTitle;
  const body = marked.parse(markdown);
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>\n` +
    `${body}</body></html>\n`
  );
}
