/**
 * The parts of the pane that write to the workbook and are not on its first screen: the Templates
 * tab, the sharing panel (freeze, portable prices), prices as a sheet and the insert actions. They
 * carry the template definitions and the sheet writers, most of the pane's code, so the pane loads
 * them with `import()` right after its first screen instead of before it (taskpane.ts).
 */
export { mountSharingPanel } from "./sharingPanel";
export { renderTemplates, wireTemplateUndo } from "./templatesTab";
export {
  insertFormulaClicked,
  insertSheetClicked,
  insertTableClicked,
  readSheetClicked,
  writeSheetClicked,
} from "./workbookActions";
