/**
 * The one price book the whole add-in prices with. The IMG functions and the task pane run in one
 * shared runtime, and webpack's single runtime chunk makes this module one instance for both: when
 * the pane applies a refreshed or workbook-stored book, the next recalculation of every IMG formula
 * uses it. It starts as the bundled book so functions work before the pane has ever opened.
 */
import { bundledBook, type CompiledBook } from "../core";

export type ActiveBookListener = (book: CompiledBook, previous: CompiledBook) => void;

let active: CompiledBook = bundledBook;
let read = false;
let generation = 0;
const listeners = new Set<ActiveBookListener>();

export function getActiveBook(): CompiledBook {
  read = true;
  return active;
}

/**
 * Whether anything (an IMG function, the pane) has read the active book since it was set: then
 * results computed with it may be on the sheet, and a new book needs a recalculation to reach them.
 */
export function activeBookWasRead(): boolean {
  return read;
}

/** Counts the changes of the active book, to tell whether it changed, without reading it. */
export function activeBookGeneration(): number {
  return generation;
}

/**
 * Makes `book` the active price book and tells every listener. Setting the book that is already
 * active tells no one, so a pane that re-applies the same book does not trigger a recalculation.
 * A listener that throws does not stop the others, nor undo the change; its error is rethrown
 * after all listeners ran so it is not lost.
 */
export function setActiveBook(book: CompiledBook): void {
  if (book === active) return;
  const previous = active;
  active = book;
  read = false;
  generation++;
  let firstError: unknown = undefined;
  let failed = false;
  for (const listener of [...listeners]) {
    try {
      listener(book, previous);
    } catch (error) {
      if (!failed) firstError = error;
      failed = true;
    }
  }
  if (failed) throw firstError;
}

/** Calls `listener` after each change of the active book; returns a function that stops it. */
export function onActiveBookChange(listener: ActiveBookListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
