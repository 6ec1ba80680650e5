/** The prices sheet as pure data: its columns, the rows for a book, and the book from edited rows. */
export * from "./columns";
export { bookToRows } from "./write";
export { rowsToBook, type SheetPlace, type SheetRead } from "./read";
