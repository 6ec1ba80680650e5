/**
 * A small, strict XML reader for checking manifest.xml offline (no XSD for current manifests ships
 * in any package, and the online validator is unreachable from tests). It rejects what would make
 * Office reject the file as malformed: unbalanced or crossed tags, duplicate or unquoted attributes,
 * stray "<" or "&", text outside the root, more than one root.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  /** 1-based line of the start tag, for messages. */
  line: number;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITY = /^&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

export class XmlError extends Error {}

function decode(raw: string, line: number): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charAt(i);
    if (ch === "<") throw new XmlError(`line ${line}: "<" inside text or an attribute value`);
    if (ch !== "&") {
      out += ch;
      continue;
    }
    const match = ENTITY.exec(raw.slice(i));
    if (match === null) throw new XmlError(`line ${line}: "&" that starts no entity`);
    const entity = match[1] as string;
    const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
    out +=
      named[entity] ??
      String.fromCodePoint(
        entity.startsWith("#x") ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10),
      );
    i += match[0].length - 1;
  }
  return out;
}

/** Parses `source` into its root element, or throws an XmlError naming the line. */
export function parseXml(source: string): XmlElement {
  let pos = 0;
  const lineAt = (at: number): number => source.slice(0, at).split("\n").length;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;

  if (source.startsWith("<?xml")) {
    const end = source.indexOf("?>");
    if (end < 0) throw new XmlError("line 1: unterminated XML declaration");
    pos = end + 2;
  }
  while (pos < source.length) {
    const lt = source.indexOf("<", pos);
    const textEnd = lt < 0 ? source.length : lt;
    const text = source.slice(pos, textEnd);
    const parent = stack[stack.length - 1];
    if (parent === undefined) {
      if (text.trim() !== "")
        throw new XmlError(`line ${lineAt(pos)}: text outside the root element`);
    } else {
      parent.text += decode(text, lineAt(pos));
    }
    if (lt < 0) break;
    pos = lt;
    if (source.startsWith("<!--", pos)) {
      const end = source.indexOf("-->", pos + 4);
      if (end < 0) throw new XmlError(`line ${lineAt(pos)}: unterminated comment`);
      if (source.slice(pos + 4, end).includes("--"))
        throw new XmlError(`line ${lineAt(pos)}: "--" inside a comment`);
      pos = end + 3;
      continue;
    }
    if (source.startsWith("</", pos)) {
      const end = source.indexOf(">", pos);
      const name = source.slice(pos + 2, end).trim();
      const open = stack.pop();
      if (open === undefined || open.name !== name) {
        throw new XmlError(
          `line ${lineAt(pos)}: </${name}> closes ${open ? `<${open.name}>` : "nothing"}`,
        );
      }
      pos = end + 1;
      continue;
    }
    if (source.startsWith("<!", pos) || source.startsWith("<?", pos)) {
      throw new XmlError(`line ${lineAt(pos)}: unexpected markup declaration`);
    }
    // A start tag.
    const line = lineAt(pos);
    pos += 1;
    const nameMatch = NAME.exec(source.slice(pos));
    if (nameMatch === null) throw new XmlError(`line ${line}: "<" not followed by an element name`);
    const element: XmlElement = {
      name: nameMatch[0],
      attributes: {},
      children: [],
      text: "",
      line,
    };
    pos += nameMatch[0].length;
    for (;;) {
      const ws = /^\s*/.exec(source.slice(pos));
      pos += ws ? ws[0].length : 0;
      if (source.startsWith("/>", pos) || source.startsWith(">", pos)) break;
      const attr = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(source.slice(pos));
      if (attr === null)
        throw new XmlError(`line ${lineAt(pos)}: malformed attribute in <${element.name}>`);
      const attrName = attr[1] as string;
      if (attrName in element.attributes) {
        throw new XmlError(
          `line ${lineAt(pos)}: duplicate attribute ${attrName} in <${element.name}>`,
        );
      }
      element.attributes[attrName] = decode(attr[3] ?? attr[4] ?? "", lineAt(pos));
      pos += attr[0].length;
    }
    const selfClosing = source.startsWith("/>", pos);
    pos += selfClosing ? 2 : 1;
    const parentElement = stack[stack.length - 1];
    if (parentElement !== undefined) parentElement.children.push(element);
    else if (root === null) root = element;
    else throw new XmlError(`line ${line}: a second root element <${element.name}>`);
    if (!selfClosing) stack.push(element);
  }
  const unclosed = stack.pop();
  if (unclosed !== undefined)
    throw new XmlError(`line ${unclosed.line}: <${unclosed.name}> is never closed`);
  if (root === null) throw new XmlError("no root element");
  return root;
}

/** Every element below (and including) `element`, depth first. */
export function allElements(element: XmlElement): XmlElement[] {
  const out: XmlElement[] = [element];
  for (const child of element.children) out.push(...allElements(child));
  return out;
}

/** The first child path match, e.g. child(root, "VersionOverrides", "Hosts", "Host"). */
export function child(element: XmlElement, ...path: string[]): XmlElement | undefined {
  let current: XmlElement | undefined = element;
  for (const name of path) {
    current = current?.children.find((c) => c.name === name);
  }
  return current;
}
