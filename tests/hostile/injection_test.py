#!/usr/bin/env python3
"""Injection test: a standard with HTML, script and XML-breaking text in every field.

Renders it (citizen and council edition, HTML, DOCX, Markdown), runs the national
comparison and the change report on it, then PARSES every HTML output (html.parser, not
a grep) and fails on any script element the tool did not write itself, any event-handler
attribute, or any javascript:/data:/vbscript: URL; and parses every XML part of every DOCX
(xml.etree; the C++ test hostile_render_test.cpp does the same with pugixml).
Usage: injection_test.py KVS
"""
import html.parser
import pathlib
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
KVS = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "build" / "kvs")
SOURCE = ROOT / "tests" / "hostile" / "injection.kvs"
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")


class Audit(html.parser.HTMLParser):
    def __init__(self, allowed_scripts):
        super().__init__(convert_charrefs=True)
        self.allowed_scripts = allowed_scripts
        self.scripts = 0
        self.problems = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href") and value:
                v = "".join(value.split()).lower()
                if v.startswith(BAD_SCHEMES):
                    self.problems.append(f"{name}={value!r} on <{tag}>")
        if tag in ("iframe", "object", "embed"):
            self.problems.append(f"<{tag}> element")

    def handle_data(self, data):
        self.text.append(data)

    def finish(self):
        if self.scripts > self.allowed_scripts:
            self.problems.append(f"{self.scripts} script elements (the tool writes {self.allowed_scripts})")
        return self.problems


def audit_html(path, allowed_scripts=0):
    a = Audit(allowed_scripts)
    a.feed(path.read_text(encoding="utf-8"))
    a.close()
    problems = a.finish()
    # The hostile text must still be there, as text: escaped, not dropped.
    if "alert(" not in "".join(a.text):
        problems.append("the hostile text was dropped instead of shown as text")
    return problems


def audit_docx(path):
    problems = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                try:
                    ET.fromstring(z.read(name))
                except ET.ParseError as e:
                    problems.append(f"{name}: {e}")
    return problems


def main():
    failures = []
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for edition, extra in (("borger", []), ("byraad", ["--byraad"])):
            out = tmp / edition
            subprocess.run([KVS, "render", str(SOURCE), "--format", "html,docx,md", "--ud", str(out), "--dato", "2024-06-01", *extra],
                           check=True, stdout=subprocess.DEVNULL)
            for f in out.glob("*.html"):
                failures += [f"{f.name} ({edition}): {p}" for p in audit_html(f)]
                checked += 1
            for f in out.glob("*.docx"):
                failures += [f"{f.name} ({edition}): {p}" for p in audit_docx(f)]
                checked += 1
        # The comparison report writes one script of its own (sorting and filtering).
        cmp_dir = tmp / "cmp"
        (tmp / "in").mkdir()
        (tmp / "in" / "injection.kvs").write_bytes(SOURCE.read_bytes())
        subprocess.run([KVS, "compare", str(tmp / "in"), "--ud", str(cmp_dir), "--dato", "2024-06-01"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        failures += [f"report.html: {p}" for p in audit_html(cmp_dir / "report.html", allowed_scripts=1)]
        checked += 1
        # The change report, as HTML and DOCX.
        for fmt in ("html", "docx"):
            subprocess.run([KVS, "diff", str(ROOT / "standards" / "hjoerring-2024.kvs"), str(SOURCE), "--format", fmt,
                            "--ud", str(tmp / "diff")], check=True, stdout=subprocess.DEVNULL)
        for f in (tmp / "diff").iterdir():
            failures += [f"{f.name}: {p}" for p in (audit_html(f) if f.suffix == ".html" else audit_docx(f))]
            checked += 1
    for f in failures:
        print("FAIL:", f)
    print(f"{checked - len(set(x.split(':')[0] for x in failures))} passed, {len(set(x.split(':')[0] for x in failures))} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
