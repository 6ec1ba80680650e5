/**
 * The Templates tab: the list from src/templates (whatever it holds, in its order), inserting one,
 * and "Remove it" to undo the last insert. The empty #sharing-panel at the end of the tab is where
 * the sharing controls mount.
 */
import { getActiveBook } from "../shared/activeBook";
import { insertTemplate, TEMPLATES } from "../templates";
import { NEEDS_EXCEL, state } from "./paneState";
import { byId, h, showMessage } from "./render";
import { portableChosen } from "./sharingPanel";
import { recordInserted, removeInserted, type InsertedSheet } from "./templateUndo";

let lastInserted: InsertedSheet | null = null;

type Run = (action: () => Promise<void>) => Promise<void>;

export function renderTemplates(run: Run): void {
  byId("templates").replaceChildren(
    ...TEMPLATES.map((t) => {
      const button = h("button", { className: "btn" }, "Insert");
      button.type = "button";
      button.dataset["template"] = t.id;
      button.setAttribute("aria-label", `Insert the template ${t.title}`);
      button.disabled = !state.inExcel;
      if (!state.inExcel) button.title = NEEDS_EXCEL;
      button.addEventListener("click", () => void run(() => insertTemplateClicked(t.id, t.title)));
      return h(
        "li",
        {},
        h("span", { className: "template-title" }, t.title),
        t.description,
        h("br"),
        button,
      );
    }),
  );
}

function showUndo(text: string, confirming: boolean): void {
  byId("template-undo").hidden = false;
  byId("template-undo-text").textContent = text;
  byId("template-remove").hidden = confirming;
  byId("template-remove-confirm").hidden = !confirming;
  byId("template-keep").hidden = !confirming;
}

function hideUndo(): void {
  byId("template-undo").hidden = true;
  lastInserted = null;
}

export async function insertTemplateClicked(id: string, title: string): Promise<void> {
  if (!state.inExcel) {
    showMessage(NEEDS_EXCEL, "info");
    return;
  }
  const book = getActiveBook();
  const portable = portableChosen();
  const inserted = await Excel.run((context) => insertTemplate(context, id, { book, portable }));
  showMessage(
    `Inserted the template "${title}"${portable ? " (portable)" : ""} on the new sheet "${inserted.sheetName}".`,
    "success",
  );
  try {
    lastInserted = await recordInserted(inserted.sheetName, title);
    showUndo(`"${title}" was inserted on the sheet "${inserted.sheetName}".`, false);
  } catch {
    // Without the read-back there is nothing safe to undo: offer no "Remove it".
    hideUndo();
  }
}

async function remove(force: boolean): Promise<void> {
  const inserted = lastInserted;
  if (inserted === null) return;
  const outcome = await removeInserted(inserted, force);
  switch (outcome.kind) {
    case "removed":
      hideUndo();
      showMessage(
        `Removed the sheet "${outcome.sheetName}"; no other sheet was touched.`,
        "success",
      );
      return;
    case "gone":
      hideUndo();
      showMessage(
        `The sheet "${inserted.sheetName}" no longer exists; nothing was removed.`,
        "info",
      );
      return;
    case "edited":
      showUndo(
        `The sheet "${outcome.sheetName}" was changed after it was inserted. Delete it with your changes?`,
        true,
      );
      return;
  }
}

export function wireTemplateUndo(run: Run): void {
  byId("template-remove").addEventListener("click", () => void run(() => remove(false)));
  byId("template-remove-confirm").addEventListener("click", () => void run(() => remove(true)));
  byId("template-keep").addEventListener("click", () => {
    const kept = lastInserted;
    hideUndo();
    if (kept !== null) showMessage(`Kept the sheet "${kept.sheetName}".`, "info");
  });
}
