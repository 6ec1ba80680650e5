/**
 * Reading the pane's typed inputs: whole numbers of images, the retry multiplier and money, in the
 * user's locale. The core checks ranges again; these give the pane's own clear messages first.
 */
import { formatCount, readLocaleNumber, type ReadNumber } from "./locale";

/** A whole number of images, 0 or more: 1.5 images cannot be made, so it is refused. */
export function readImages(text: string, label = "Images"): ReadNumber {
  const read = readLocaleNumber(text, label);
  if (!read.ok) return read;
  const n = read.value;
  if (n < 0) return { ok: false, message: `${label} ${text.trim()} is below 0. Enter 0 or more.` };
  if (!Number.isInteger(n)) {
    const down = Math.floor(n);
    return {
      ok: false,
      message: `${label} must be a whole number: ${text.trim()} images cannot be made. Enter ${formatCount(down)} or ${formatCount(down + 1)}.`,
    };
  }
  return read;
}

/** The retry multiplier; empty means 1. */
export function readRetryInput(text: string): ReadNumber {
  if (text.trim() === "") return { ok: true, value: 1 };
  const read = readLocaleNumber(text, "Retry multiplier");
  if (!read.ok) return read;
  if (read.value < 1) {
    return {
      ok: false,
      message: `Retry multiplier ${text.trim()} is below 1. Enter 1 or more (1.2 budgets for one image in five made again).`,
    };
  }
  return read;
}

/** A sum of money in USD, 0 or more. */
export function readMoney(text: string, label: string): ReadNumber {
  const read = readLocaleNumber(text.replace(/^\s*(US)?\$\s*|\s*\$\s*$/g, ""), label);
  if (!read.ok) return read;
  if (read.value < 0)
    return { ok: false, message: `${label} ${text.trim()} is below 0. Enter 0 or more.` };
  return read;
}
