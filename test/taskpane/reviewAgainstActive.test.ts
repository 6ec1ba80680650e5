/**
 * Issue: a refresh waiting for review while the workbook's stored book finished loading was diffed
 * against the book just replaced. The pane's review must follow the book in force, and Apply must
 * apply what the user last saw. Runs the pane's applying module on a minimal stand-in document.
 */
import { bundledBook } from "../../src/core";
import { getActiveBook, setActiveBook } from "../../src/shared/activeBook";
import { bundledCopy, compiled, openaiTier } from "./fixtures";

/** Just enough of a DOM element for the pane's render and applying code. */
class FakeElement {
  hidden = false;
  textContent = "";
  className = "";
  title = "";
  checked = false;
  disabled = false;
  children: unknown[] = [];
  append(...nodes: unknown[]): void {
    this.children.push(...nodes);
  }
  replaceChildren(...nodes: unknown[]): void {
    this.children = nodes;
  }
  setAttribute(): void {}
  removeAttribute(): void {}
}

const elements = new Map<string, FakeElement>();
const element = (id: string): FakeElement => {
  let found = elements.get(id);
  if (found === undefined) {
    found = new FakeElement();
    elements.set(id, found);
  }
  return found;
};

/** All text under a fake element, for assertions on the rendered diff. */
function textOf(node: unknown): string {
  if (typeof node === "string") return node;
  if (node instanceof FakeElement) return node.textContent + node.children.map(textOf).join(" ");
  return "";
}

beforeAll(() => {
  (globalThis as { document?: unknown }).document = {
    getElementById: element,
    createElement: () => new FakeElement(),
    createTextNode: (text: string) => text,
    querySelector: () => null,
  };
});

afterAll(() => {
  delete (globalThis as { document?: unknown }).document;
});

it("re-diffs a candidate under review when the stored book takes over, and applies against it", async () => {
  const { review, applyClicked } = await import("../../src/taskpane/applying");
  const { state } = await import("../../src/taskpane/paneState");
  const { prepareFeedText } = await import("../../src/taskpane/refresh/prepare");
  state.inExcel = false;

  // The feed: OpenAI high square 0.211 -> 0.25 against the bundled book in force.
  const feed = bundledCopy();
  feed.bookVersion = "feed";
  openaiTier(feed, "high", "1024x1024").price = 0.25;
  const prepared = prepareFeedText(
    JSON.stringify(feed),
    { kind: "url", url: "https://example.test/feed.json", fetchedAt: "2026-11-30T09:00:00Z" },
    getActiveBook(),
  );
  if (!prepared.ok) throw new Error(prepared.message);
  review(prepared.candidate, "The feed");
  expect(textOf(element("review-body"))).toContain("OpenAI: high, 1024x1024: $0.211 -> $0.25");

  // The workbook's stored book (high square 0.3) finishes loading while the feed waits.
  const stored = bundledCopy();
  stored.bookVersion = "stored";
  openaiTier(stored, "high", "1024x1024").price = 0.3;
  const storedBook = compiled(stored, { kind: "workbook" });
  setActiveBook(storedBook);

  // The review now shows the change from the book in force, and says it changed.
  expect(state.pending?.against).toBe(storedBook);
  const shown = textOf(element("review-body"));
  expect(shown).toContain("Version stored -> feed");
  expect(shown).toContain("OpenAI: high, 1024x1024: $0.30 -> $0.25");
  expect(shown).not.toContain("$0.211");
  expect(element("message").textContent).toContain(
    "The prices in use changed to version stored while version feed waited for review",
  );

  // Applying applies the feed over the stored book, as reviewed.
  await applyClicked();
  expect(getActiveBook().bookVersion).toBe("feed");
  expect(state.previous).toBe(storedBook);
  setActiveBook(bundledBook);
});
