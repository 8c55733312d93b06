"""Every internal link of the built site leads somewhere: a file, and the element its #anchor names.

MkDocs checks the links authors write in Markdown; this reads what was built,
the theme's markup and the generated workbook and answer key included, and
the links in the workbook PDF. Links to other hosts are not followed (the
tests make no request to any other host).
"""

from __future__ import annotations

from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]
SITE_URL = "https://course.example/course/"  # not the preview's address, which the guide links to
# Where a page loads or sends the reader to: the attributes that hold an address.
LINK_ATTRIBUTES = {"a": "href", "area": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}


class PageParser(HTMLParser):
    """Collect a page's element ids and the addresses it links to, with their line numbers."""

    def __init__(self) -> None:
        """Start with no ids and no links."""
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[int, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Note the tag's id (or an <a name>) and its address, if any."""
        values = dict(attrs)
        for name in ("id", "name" if tag == "a" else None):
            if name and values.get(name):
                self.ids.add(values[name])
        address = values.get(LINK_ATTRIBUTES.get(tag, ""))
        if address is not None:
            self.links.append((self.getpos()[0], tag, address))


@cache
def parse(path: Path) -> PageParser:
    """Parse one built HTML file (once)."""
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def resolve(site: Path, address: str) -> tuple[Path | None, str, str]:
    """Return the file an absolute address of the site names, its fragment, and what is wrong ("" if nothing)."""
    parts = urlsplit(address)
    base = urlsplit(SITE_URL)
    if not parts.path.startswith(base.path):
        return None, parts.fragment, f"points outside the site ({base.path})"
    relative = unquote(parts.path[len(base.path) :])
    target = site / relative
    if relative == "" or relative.endswith("/") or target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return None, parts.fragment, f"no file {target.relative_to(site)}"
    return target, unquote(parts.fragment), ""


def broken_anchor(target: Path, fragment: str) -> str:
    """Return what is wrong with ``#fragment`` in ``target`` ("" when the element is there)."""
    if not fragment or target.suffix != ".html":
        return ""
    return "" if fragment in parse(target).ids else f"no element id=\"{fragment}\" in {target.name}"


def internal(address: str) -> bool:
    """Tell whether an absolute address is on this site (not another host, mailto:, data: ...)."""
    parts, base = urlsplit(address), urlsplit(SITE_URL)
    return parts.scheme == base.scheme and parts.netloc == base.netloc


def broken_html_links(site: Path) -> list[str]:
    """Return one line per internal link or anchor of ``site``'s HTML that leads nowhere."""
    problems = []
    for page in sorted(site.rglob("*.html")):
        here = SITE_URL + page.relative_to(site).as_posix()
        for line, tag, address in parse(page).links:
            absolute = urljoin(here, address)
            if not internal(absolute):
                continue
            target, fragment, wrong = resolve(site, absolute)
            wrong = wrong or broken_anchor(target, fragment)
            if wrong:
                problems.append(f"{page.relative_to(site)}:{line}: <{tag}> {address!r} {wrong}")
    return problems


def pdf_links(pdf: Path) -> list[tuple[int, str]]:
    """Return the (page number, address) of every link annotation in a PDF."""
    links = []
    for number, page in enumerate(PdfReader(pdf).pages, start=1):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if annotation.get("/Subtype") == "/Link" and action is not None and "/URI" in action.get_object():
                links.append((number, str(action.get_object()["/URI"])))
    return links


def broken_pdf_links(site: Path, pdf: Path) -> list[str]:
    """Return one line per link of the PDF that does not lead to a page (and element) of ``site``."""
    problems = []
    for number, address in pdf_links(pdf):
        if not internal(address):
            if urlsplit(address).hostname in ("127.0.0.1", "localhost"):
                problems.append(f"{pdf.name} page {number}: {address!r} points at the build's own server")
            continue
        target, fragment, wrong = resolve(site, address)
        wrong = wrong or broken_anchor(target, fragment)
        if wrong:
            problems.append(f"{pdf.name} page {number}: {address!r} {wrong}")
    return problems


def test_every_link_of_the_course_and_its_workbook_pdf_leads_somewhere(build_site, chromium_path):
    site = build_site(ROOT / "mkdocs.yml", SITE_URL=SITE_URL, COURSE_PDF="true", CHROMIUM=str(chromium_path))
    assert (site / "workbook" / "index.html").is_file() and (site / "answer-key" / "index.html").is_file()
    links = sum(len(parse(page).links) for page in site.rglob("*.html"))
    assert links > 1000, f"only {links} links found: is the parser reading the pages?"
    assert not broken_html_links(site), "\n".join(broken_html_links(site))

    in_pdf = pdf_links(site / "workbook.pdf")
    assert len(in_pdf) >= len(list((ROOT / "docs").glob("*/*.md"))), f"the PDF has only {len(in_pdf)} links"
    assert not broken_pdf_links(site, site / "workbook.pdf"), "\n".join(broken_pdf_links(site, site / "workbook.pdf"))


def test_every_link_of_the_example_course_leads_somewhere(build_site):
    site = build_site(ROOT / "examples" / "french-course" / "mkdocs.yml", SITE_URL=SITE_URL, COURSE_PDF=None)
    assert not broken_html_links(site), "\n".join(broken_html_links(site))


def test_a_missing_page_or_anchor_is_reported(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">Here</h2>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/#here">ok</a>\n<a href="a/#gone">anchor</a>\n<a href="b/">page</a>\n'
        '<a href="https://example.org/">other host</a>\n<img src="../elsewhere.png" alt="">',
        encoding="utf-8",
    )
    assert broken_html_links(tmp_path) == [
        "index.html:2: <a> 'a/#gone' no element id=\"gone\" in index.html",
        "index.html:3: <a> 'b/' no file b/index.html",
        "index.html:5: <img> '../elsewhere.png' points outside the site (/course/)",
    ]
