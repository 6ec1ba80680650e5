/**
 * Reads manifest.xml offline (no XSD for current manifests ships in any package, and the online
 * validator is unreachable from tests) with @xmldom/xmldom, a maintained XML parser, made strict:
 * every problem it reports, warnings included, is an error, because Office rejects a manifest that
 * is not well-formed XML. It rejects unbalanced or crossed tags, duplicate or unquoted attributes,
 * a "<" or an unknown entity in a value, an "&" that starts no entity (the usual slip: an address
 * with a query string, `?a=1&b=2`), "--" inside a comment, text outside the root, a second root.
 * The document becomes a plain tree of elements, named as written (`bt:Image`, `xsi:type`).
 */
import { DOMParser, type Element, type Node } from "@xmldom/xmldom";

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's), entities decoded. */
  text: string;
  /** 1-based line of the start tag, for messages. */
  line: number;
}

export class XmlError extends Error {}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

function toElement(element: Element): XmlElement {
  const out: XmlElement = {
    name: element.tagName,
    attributes: {},
    children: [],
    text: "",
    line: element.lineNumber ?? 0,
  };
  for (let i = 0; i < element.attributes.length; i++) {
    const attribute = element.attributes.item(i);
    if (attribute !== null) out.attributes[attribute.name] = attribute.value;
  }
  for (let node: Node | null = element.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE) out.children.push(toElement(node as Element));
    else if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE)
      out.text += node.nodeValue ?? "";
  }
  return out;
}

/** Parses `source` into its root element, or throws an XmlError with every problem found. */
export function parseXml(source: string): XmlElement {
  const problems: string[] = [];
  const parser = new DOMParser({
    // `context` is the parser's DOM builder, whose locator knows where the problem is.
    onError: (_level, message, context: { locator?: { lineNumber?: number } } | undefined) => {
      const line = context?.locator?.lineNumber;
      problems.push(`${line === undefined ? "" : `line ${line}: `}${message.trim()}`);
    },
  });
  let root: Element | null = null;
  try {
    root = parser.parseFromString(source, "text/xml").documentElement;
  } catch (error) {
    // A fatal error stops the parser after it has been reported through onError.
    if (problems.length === 0)
      problems.push(error instanceof Error ? error.message : String(error));
  }
  // xmldom reads an "&" followed by a space in text as a plain character; XML (and Office) do not.
  const bare = /&(?![A-Za-z_][\w.-]*;|#[0-9]+;|#x[0-9A-Fa-f]+;)/.exec(
    source.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, " ")),
  );
  if (bare !== null && problems.length === 0) {
    const line = source.slice(0, bare.index).split("\n").length;
    problems.push(`line ${line}: "&" that starts no entity (write &amp;)`);
  }
  if (problems.length > 0) throw new XmlError(problems.join("\n"));
  if (root === null) throw new XmlError("no root element");
  return toElement(root);
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
