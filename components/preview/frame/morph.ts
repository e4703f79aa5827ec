// Brings a slide's live DOM to new HTML by changing only what differs, the way a keystroke changes
// a slide: one text node, or one element added or removed. Replacing the whole content (innerHTML)
// makes the browser restyle and lay out every element of the slide again, and reload its images,
// which is most of the deck frame's work per keystroke. The result is the DOM the new HTML parses to.

/** Makes `live`'s children equal to those parsed from `html`. */
export function morphContent(live: Element, html: string): void {
  // A template parses inertly: nothing in it loads or runs until it is moved into the document.
  const template = document.createElement("template");
  template.innerHTML = html;
  morphChildren(live, template.content);
}

function morphChildren(live: Node, next: Node): void {
  let liveChild = live.firstChild;
  let nextChild = next.firstChild;
  while (nextChild) {
    const following = nextChild.nextSibling;
    if (liveChild && sameKind(liveChild, nextChild)) {
      morphNode(liveChild, nextChild);
      liveChild = liveChild.nextSibling;
    } else {
      // Moved out of the template: a node that was added, or that took another kind's place.
      live.insertBefore(nextChild, liveChild);
    }
    nextChild = following;
  }
  while (liveChild) {
    const following = liveChild.nextSibling;
    live.removeChild(liveChild);
    liveChild = following;
  }
}

function sameKind(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType) return false;
  if (!(a instanceof Element)) return true;
  const other = b as Element;
  return a.localName === other.localName && a.namespaceURI === other.namespaceURI;
}

function morphNode(live: Node, next: Node): void {
  if (!(live instanceof Element)) {
    if (live.nodeValue !== next.nodeValue) live.nodeValue = next.nodeValue;
    return;
  }
  syncAttributes(live, next as Element);
  morphChildren(live, next);
}

/** Also drops what reveal.js added (fragment state, loaded media): the caller has it redone. */
function syncAttributes(live: Element, next: Element): void {
  for (const attribute of Array.from(live.attributes)) {
    if (!next.hasAttributeNS(attribute.namespaceURI, attribute.localName)) live.removeAttributeNode(attribute);
  }
  for (const attribute of Array.from(next.attributes)) {
    if (live.getAttributeNS(attribute.namespaceURI, attribute.localName) !== attribute.value) {
      live.setAttributeNode(attribute.cloneNode() as Attr);
    }
  }
}
