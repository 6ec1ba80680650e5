/**
 * The price book shipped with the add-in, compiled once at module load. It is not validated here (that
 * would pull zod into the functions bundle): tests and the build prove data/prices/gpt-image-2.json
 * passes loadBook.
 */
import bookJson from "../../data/prices/gpt-image-2.json";
import type { PriceBookJson } from "./schema";
import { compileBook } from "./book";
import type { CompiledBook } from "./types";

/** The raw bundled price book data. */
export const bundledBookJson = bookJson as unknown as PriceBookJson;

/** The bundled price book (data/prices/gpt-image-2.json), compiled. */
export const bundledBook: CompiledBook = compileBook(bundledBookJson, { kind: "bundled" });
