"""Checks that a response's markup carries no live payload, whatever its format."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

JS_SCHEME = re.compile(r"^\s*(javascript|vbscript|data:text/html)", re.I)
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRS and JS_SCHEME.match(value):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag in ("img", "iframe", "object", "embed") and any(
            n == "src" and v == "x" for n, v in attrs
        ):
            self.problems.append(f"<{tag}> injected")
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.problems.append(f"script runs {data[:60]!r}")


def html_problems(html: str) -> list[str]:
    """Live event handlers, javascript: links and injected elements in ``html``."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.problems


def xml_problems(text: str) -> list[str]:
    """A feed or sitemap: well-formed, no injected elements, HTML summaries inert."""
    root = ET.fromstring(text.encode())  # raises on a broken-out document
    problems = []
    for el in root.iter():
        local = el.tag.rsplit("}", 1)[-1]
        if local in ("script", "img", "iframe"):
            problems.append(f"element <{local}> in XML")
        href = el.get("href")
        if href and JS_SCHEME.match(href):
            problems.append(f"link to {href!r}")
        if local in ("summary", "content") and el.get("type") == "html" and el.text:
            problems += html_problems(el.text)
        if local == "loc" and el.text and JS_SCHEME.match(el.text):
            problems.append(f"sitemap loc {el.text!r}")
    return problems


def response_problems(response, text: str) -> list[str]:
    """What is live in ``text``, read as the format the response says it is."""
    content_type = response["Content-Type"].split(";")[0].strip()
    if content_type == "text/html":
        return html_problems(text)
    if content_type in ("application/atom+xml", "application/xml", "application/rss+xml"):
        return xml_problems(text)
    if content_type == "text/plain":  # robots.txt; nosniff keeps browsers from guessing
        return []
    if content_type == "application/json":
        json.loads(text)  # data, which browsers never run as a page
        return []
    if content_type in ("text/csv", "application/x-bibtex", "application/x-research-info-systems"):
        if "attachment" not in response.get("Content-Disposition", ""):
            return [f"{content_type} shown inline"]
        return []
    return [f"unexpected content type {content_type}"]
