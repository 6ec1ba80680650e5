/**
 * The pivot across the top: a WAI-ARIA tab list (arrow keys, Home and End move between tabs; only
 * the chosen tab is in the Tab order) whose choice is remembered across reopenings.
 */
import { onLateRestore, remember, recall } from "./persist";

export const TABS = ["estimate", "compare", "budget", "prices", "templates"] as const;
export type TabId = (typeof TABS)[number];

const listeners: ((tab: TabId) => void)[] = [];

function isTab(value: unknown): value is TabId {
  return typeof value === "string" && (TABS as readonly string[]).includes(value);
}

export function currentTab(): TabId {
  const selected = document.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
  const id = selected?.id.replace(/^tab-/, "");
  return isTab(id) ? id : "estimate";
}

export function selectTab(tab: TabId, focus = false): void {
  for (const id of TABS) {
    const button = document.getElementById(`tab-${id}`);
    const panel = document.getElementById(`panel-${id}`);
    const on = id === tab;
    button?.setAttribute("aria-selected", String(on));
    button?.setAttribute("tabindex", on ? "0" : "-1");
    if (panel !== null) panel.hidden = !on;
    if (on && focus) button?.focus();
  }
  remember("tab", tab);
  for (const listener of listeners) listener(tab);
}

export function onTabShown(listener: (tab: TabId) => void): void {
  listeners.push(listener);
}

export function wireTabs(): void {
  for (const id of TABS) {
    const button = document.getElementById(`tab-${id}`);
    button?.addEventListener("click", () => selectTab(id));
    button?.addEventListener("keydown", (event) => {
      const at = TABS.indexOf(id);
      const go: Record<string, number> = {
        ArrowRight: (at + 1) % TABS.length,
        ArrowLeft: (at - 1 + TABS.length) % TABS.length,
        Home: 0,
        End: TABS.length - 1,
      };
      const next = go[event.key];
      if (next === undefined) return;
      event.preventDefault();
      selectTab(TABS[next] ?? "estimate", true);
    });
  }
  const saved = recall("tab");
  selectTab(isTab(saved) ? saved : "estimate");
  onLateRestore(() => {
    const late = recall("tab");
    selectTab(isTab(late) ? late : "estimate");
  });
}
