"""A tiny HTML tree for tests, on the standard library's parser.

Tests read the structure of the built pages (elements, attributes, text),
never raw bytes; this is just enough of a DOM for that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip


@dataclass
class Node:
    """One element: tag, attributes, children (nodes or text) and parent."""

    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = None

    def iter(self):
        """Yield this element and every element below it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, class_: str | None = None, **attrs: str):
        """Every element below (and including) this one matching tag, class and attributes."""
        found = []
        for node in self.iter():
            if tag and node.tag != tag:
                continue
            if class_ and class_ not in node.attrs.get("class", "").split():
                continue
            if any(node.attrs.get(k.rstrip("_").replace("_", "-")) != v for k, v in attrs.items()):
                continue
            found.append(node)
        return found

    def find(self, tag: str | None = None, class_: str | None = None, **attrs: str):
        """The first match of :meth:`find_all`, or None."""
        matches = self.find_all(tag, class_, **attrs)
        return matches[0] if matches else None

    def text(self) -> str:
        """All text below this element, whitespace collapsed."""
        parts = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else child.text())
        return " ".join("".join(parts).split())

    def ancestors(self):
        """Yield the parent, its parent and so on."""
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, parent=self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str) -> Node:
    """Parse an HTML document or fragment into a :class:`Node` tree."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def page(site: Path, path: str) -> Node:
    """Parse a built page given by its site path (``events/`` reads ``events/index.html``)."""
    target = site / path
    if path == "" or path.endswith("/"):
        target = target / "index.html"
    return parse(target.read_text(encoding="utf-8"))
