import { SaxesParser } from "saxes";

/** One element of a zone file: its attributes and child elements (text is ignored). */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
}

/**
 * Parse one `<zone>.xml` into elements with saxes: non-validating, well-formedness checked, the
 * DOCTYPE passed over (its DTD is never loaded), and no entities but the five predefined ones and
 * character references (an `<!ENTITY>` declared in the DOCTYPE is not expanded: a reference to it
 * is an error). Throws on anything that is not well-formed XML.
 */
export function parseXmlElements(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  parser.on("error", (e) => {
    failure ??= e;
  });
  parser.on("opentag", (tag) => {
    const el: XmlElement = { name: tag.name, attrs: { ...tag.attributes }, children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    if (!tag.isSelfClosing) stack.push(el);
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.write(text).close();
  if (failure) throw failure;
  if (!root) throw new Error("no root element");
  return root;
}
