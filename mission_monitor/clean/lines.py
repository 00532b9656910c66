"""Clutter lines in scraped text dumps: which lines are article text, which are page furniture.

The classifier works on general signals, in passes over the non-blank lines:

1. **Phrase families** (``data/clutter_phrases.yaml``): subscription and paywall notices,
   ad-blocker notices, cookie banners, newsletter boxes, share bars, comment prompts, navigation,
   related links, donation pleas, photo credits, caption labels, bylines and timestamps,
   prompts, greetings of pop-ups, legal lines. A short line needs one hit, a paragraph two.
2. **Shape**: lines without letters or digits; short lines of names only (alt text, credits,
   bylines); short lines in capitals (agency credits).
3. **The headline** (first standalone headline-shaped line): it and its copies are article text,
   as are article headings such as "Key Takeaways" (``keep`` in the data file).
4. **Captions**, by position: the line just above a credit, lines repeated next to each other,
   a short line that introduces a caption (alt text), short unpunctuated lines stuck to the
   headline before the body starts; a line of names counts as alt text or credit only next to
   such lines or outside the body (between paragraphs it is a subheading).
5. **Repetition and menus**: short lines seen twice on the page; runs of three or more short
   lines without a full stop; the links listed under a "Related" or "More from" label.
6. **Position**: after the last body paragraph, headline-shaped lines are related-article links.
7. **Neighbours**: a short line between two clutter lines that addresses the reader, asks or
   has no final full stop goes with them (the middle of a pop-up or a notice).

Hard-wrapped paragraphs (a line without a final stop, continued in lower case on the next) are
judged as one paragraph. Measured on the seeds, on our own dumps and on 181 real full-page text
dumps (``benchmarks/bench_clean.py``, ``benchmarks/RESULTS.md``).

Nothing here knows any particular document.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

REASONS = {
    "subscription": "subscription or paywall notice",
    "adblock": "ad-blocker notice",
    "cookies": "cookie banner",
    "newsletter": "newsletter sign-up",
    "share": "share bar",
    "comments": "comment prompt",
    "navigation": "navigation",
    "related": "related-article link",
    "donation": "donation plea",
    "photo_credit": "photo credit",
    "caption_label": "caption label or image placeholder",
    "byline": "byline or timestamp",
    "prompts": "reading prompt or advertisement label",
    "popup": "pop-up greeting",
    "legal": "copyright notice",
    "symbols": "no words (symbols or bullets only)",
    "names": "names only (alt text, credit or byline)",
    "capitals": "credit in capitals",
    "caption": "photo caption (above a credit)",
    "repeated": "caption repeated next to itself",
    "alt_text": "image alt text (above a caption)",
    "head_caption": "caption next to the headline",
    "related_headline": "related headline after the article",
    "neighbours": "between clutter lines (part of a notice)",
    "link_list": "list of short links (menu or navigation)",
    "repeated_furniture": "short line repeated on the page (menu or widget)",
}

_WORD = re.compile(r"[^\W_]+(?:[’'.-][^\W_]+)*", re.UNICODE)
_TERMINAL = re.compile(r"[.!?:;…][\"”’')\]]*$")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?:\s+|$)")
_CONNECTORS = frozenset({"and", "&", "of", "de", "da", "van", "von", "al", "bin", "la", "le"})
_LIST_ITEM = re.compile(r"^(\d{1,3}|[a-z])[.)]\s|^[•·▪◦*-]\s")
_QUOTES = re.compile(r"[\"“”«»]")
_YOU = re.compile(r"\b(you|your|you[’']re|you[’']ve)\b", re.IGNORECASE)
_WE = re.compile(r"\b(we|us|our|we[’']re|we[’']ve)\b", re.IGNORECASE)

SHORT_LINE = 25  # words: below this, one phrase hit marks a line
BODY_MIN_WORDS = 12  # a body paragraph: this many words and a final stop (or 20 words)
CAPTION_MAX_WORDS = 40
LINK_MAX_WORDS = 4  # a menu item
LINK_RUN = 3  # this many menu-like lines in a row make a menu
REP_MAX = 4  # words: a short line seen twice on a page is a menu item or a widget label


@dataclass(frozen=True, slots=True)
class LineVerdict:
    """The verdict on one line: ``reason`` says why it is dropped (``None``: kept)."""

    line: int  # 1-based
    text: str
    reason: str | None

    @property
    def keep(self) -> bool:
        return self.reason is None


@dataclass(frozen=True, slots=True)
class _Families:
    clutter_whole: tuple[tuple[str, re.Pattern[str]], ...]
    clutter_phrases: tuple[tuple[str, re.Pattern[str]], ...]
    keep_whole: tuple[re.Pattern[str], ...]
    any_whole: re.Pattern[str]  # all whole-line patterns in one: most lines match none
    any_phrase: re.Pattern[str]


@cache
def _families() -> _Families:
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("mission_monitor.clean")
        .joinpath("data/clutter_phrases.yaml")
        .read_text(encoding="utf-8")
    )
    whole: list[tuple[str, re.Pattern[str]]] = []
    phrases: list[tuple[str, re.Pattern[str]]] = []
    for family, spec in raw["clutter"].items():
        for pat in spec.get("whole_line", []) or []:
            whole.append((family, re.compile(pat, re.IGNORECASE)))
        for pat in spec.get("phrases", []) or []:
            phrases.append((family, re.compile(pat, re.IGNORECASE)))
    keep = tuple(re.compile(p, re.IGNORECASE) for p in raw["keep"]["whole_line"])

    def union(pats: list[tuple[str, re.Pattern[str]]]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p.pattern})" for _, p in pats), re.IGNORECASE)

    return _Families(tuple(whole), tuple(phrases), keep, union(whole), union(phrases))


@dataclass(slots=True)
class _Line:
    index: int  # 0-based line index in the input
    text: str  # stripped
    words: list[str]
    block: int  # lines not separated by a blank line share a block
    reason: str | None = None
    protected: bool = False  # headline, its copies, article headings
    hits: list[str] = field(default_factory=list)
    para_words: int = 0  # words of the hard-wrapped paragraph this line belongs to
    para_full_stop: bool = False  # whether that paragraph ends a sentence
    wrapped: bool = False  # part of a paragraph wrapped over several lines
    names: bool = False  # shaped like a line of names (decided by its surroundings)

    @property
    def n(self) -> int:
        return len(self.words)

    @property
    def terminal(self) -> bool:
        return bool(_TERMINAL.search(self.text))

    @property
    def full_stop(self) -> bool:
        return bool(re.search(r"[.!?…][\"”’')\]]*$", self.text))

    @property
    def body(self) -> bool:
        """Shaped like a paragraph of article text."""
        words = max(self.n, self.para_words)
        stop = self.full_stop or self.para_full_stop
        return self.reason is None and ((words >= BODY_MIN_WORDS and stop) or words >= 20)


def _norm(text: str) -> str:
    return " ".join(w.casefold() for w in _WORD.findall(unicodedata.normalize("NFKC", text)))


def _similar(a: _Line, b: _Line) -> float:
    sa = {w.casefold() for w in a.words}
    sb = {w.casefold() for w in b.words}
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def _is_names(ln: _Line) -> bool:
    """A short line of capitalised words only: a name, or names joined by "and" or "/"."""
    if not 1 <= ln.n <= 5 or ln.terminal or _QUOTES.search(ln.text):
        return False
    if re.search(r"[,;:!?()]", ln.text):
        return False
    names = [w for w in ln.words if w.casefold() not in _CONNECTORS]
    return (
        bool(names)
        and all(w[0].isupper() and not w.isupper() or len(w) == 1 for w in names)
        and not any(w.isdigit() for w in ln.words)
    )


def _is_capitals(ln: _Line) -> bool:
    """A short line in capitals (an agency or photographer credit)."""
    letters = [w for w in ln.words if any(c.isalpha() for c in w)]
    if not 1 <= len(letters) <= 6 or ln.full_stop:
        return False
    if all(w.isupper() for w in letters):
        return True
    # "AGENCY/Photographer Name" or "Name/AGENCY": an agency in capitals next to a slash
    parts = [p.strip() for p in ln.text.split("/")]
    return (
        len(parts) >= 2
        and any(len(p) >= 2 and p.isupper() and " " not in p for p in parts)
        and all(p[:1].isupper() for p in parts if p)
    )


def _is_title_case(ln: _Line) -> bool:
    alpha = [w for w in ln.words if w[0].isalpha()]
    if len(alpha) < 4:
        return False
    return sum(1 for w in alpha if w[0].isupper()) / len(alpha) >= 0.6


def _link_like(ln: _Line) -> bool:
    """Shaped like a menu item (or already clutter, which does not break a menu)."""
    if ln.protected:
        return False
    if ln.reason is not None:
        return True
    return 1 <= ln.n <= LINK_MAX_WORDS and not ln.terminal


def _sentences(text: str) -> int:
    return max(1, len(_SENTENCE_END.findall(text)))


def _family_pass(ln: _Line) -> None:
    fam = _families()
    if any(p.fullmatch(ln.text) for p in fam.keep_whole):
        ln.protected = True
        return
    if not any(c.isalnum() for c in ln.text):
        ln.reason = "symbols"
        return
    bare = ln.text.strip(" \t•·*-–—|")
    if fam.any_whole.fullmatch(bare):
        for family, pat in fam.clutter_whole:
            if pat.fullmatch(bare):
                ln.reason = family
                return
    if not fam.any_phrase.search(ln.text):
        return
    for family, pat in fam.clutter_phrases:
        ln.hits.extend(family for _ in pat.finditer(ln.text))
    if ln.hits and (ln.n < SHORT_LINE or len(ln.hits) >= 2):
        ln.reason = ln.hits[0]


def _addresses_reader(ln: _Line) -> bool:
    return (
        not _QUOTES.search(ln.text)
        and bool(_YOU.search(ln.text))
        and bool(_WE.search(ln.text) or ln.text.rstrip().endswith("?"))
    )


def _continues(prev: _Line, cur: _Line) -> bool:
    """``cur`` carries on the sentence of ``prev`` (a paragraph hard-wrapped over lines)."""
    if prev.block != cur.block or prev.reason or cur.reason or prev.terminal or prev.n < 8:
        return False
    if _LIST_ITEM.match(cur.text):  # "2. ...", "b) ...", "• ...": the next item of a list
        return False
    return cur.text[0].islower() or cur.text[0].isdigit() or prev.text.endswith((",", "—", "-"))


def _mark_wrapped_paragraphs(lines: list[_Line]) -> None:
    groups: list[list[_Line]] = []
    for k, ln in enumerate(lines):
        if k > 0 and _continues(lines[k - 1], ln):
            groups[-1].append(ln)
        else:
            groups.append([ln])
    for group in groups:
        if len(group) < 2:
            continue
        words = sum(x.n for x in group)
        stop = group[-1].full_stop
        for x in group:
            x.para_words, x.para_full_stop, x.wrapped = words, stop, True


def classify_lines(text: str) -> list[LineVerdict]:
    """A verdict for every line of ``text`` (blank lines are always kept)."""
    raw_lines = text.splitlines()
    lines: list[_Line] = []
    block = 0
    prev_blank = True
    for i, raw in enumerate(raw_lines):
        stripped = raw.strip()
        if not stripped:
            prev_blank = True
            continue
        if prev_blank:
            block += 1
        prev_blank = False
        lines.append(_Line(i, stripped, _WORD.findall(stripped), block))

    for ln in lines:
        _family_pass(ln)
    _mark_wrapped_paragraphs(lines)

    # The headline: the first headline-shaped line before the body, standalone if possible.
    candidates: list[_Line] = []
    for ln in lines:
        if ln.body:
            break
        if (
            ln.reason is None
            and 4 <= ln.n <= 25
            and not ln.full_stop
            and not _is_names(ln)
            and not ln.text.endswith(":")
        ):
            candidates.append(ln)
    block_size = Counter(ln.block for ln in lines)
    standalone = [c for c in candidates if block_size[c.block] == 1]
    pool = standalone or candidates
    headline = pool[0] if pool else None
    if headline is not None:
        for ln in lines:
            if ln is headline or (
                ln.reason is None
                and (_norm(ln.text) == _norm(headline.text) or _similar(ln, headline) >= 0.8)
            ):
                ln.protected = True

    def free(ln: _Line) -> bool:
        return ln.reason is None and not ln.protected

    # Shapes: no words, names only, capitals.
    for k, ln in enumerate(lines):
        if not free(ln):
            continue
        if _is_names(ln):
            ln.names = True
        elif _is_capitals(ln):
            # After a full paragraph, a line in capitals is a subheading; a credit follows a
            # caption (no full stop, or short), a label, or nothing.
            prev = lines[k - 1] if k > 0 else None
            after_paragraph = (
                prev is not None and prev.reason is None and prev.full_stop and prev.n > 12
            )
            if "/" in ln.text or not after_paragraph:
                ln.reason = "capitals"

    # Captions above credits, and their repeated copies.
    credits = {"photo_credit", "capitals"}
    for k, ln in enumerate(lines):
        if ln.reason not in credits or k == 0:
            continue
        j = k - 1
        while j >= 0 and (lines[j].reason in credits or lines[j].names):
            j -= 1
        if j < 0:
            continue
        cap = lines[j]
        if not free(cap) or cap.n > CAPTION_MAX_WORDS or _sentences(cap.text) > 2:
            continue
        # A paragraph can sit above a credit whose image has no caption: a full sentence of
        # some length is a caption only where the image block started above it (alt text,
        # a label, a notice: any clutter line directly above).
        starts_block = j > 0 and (lines[j - 1].reason is not None or lines[j - 1].names)
        if cap.n <= 12 or not cap.full_stop or starts_block:
            cap.reason = "caption"
    for k in range(1, len(lines)):
        a, b = lines[k - 1], lines[k]
        if a.protected or b.protected or max(a.n, b.n) > CAPTION_MAX_WORDS:
            continue
        if _norm(a.text) == _norm(b.text) or _similar(a, b) >= 0.75:
            for ln in (a, b):
                if ln.reason is None:
                    ln.reason = "repeated"

    body_idx = [k for k, ln in enumerate(lines) if ln.body and not ln.protected]
    first_body = body_idx[0] if body_idx else len(lines)
    last_body = body_idx[-1] if body_idx else len(lines)

    # Lines of names: alt text, credits and bylines around images and before or after the
    # article; between two paragraphs of the body, a short title-case line is a subheading.
    for k, ln in enumerate(lines):
        if not (ln.names and free(ln)):
            continue
        near = [lines[i] for i in (k - 1, k + 1) if 0 <= i < len(lines)]
        if k < first_body or k > last_body or any(x.reason is not None for x in near):
            ln.reason = "names"

    # Alt text: a short unpunctuated line just above a caption or its label.
    caption_like = {"caption", "repeated", "caption_label", "photo_credit", "names", "capitals"}
    for k in range(len(lines) - 1):
        ln, nxt = lines[k], lines[k + 1]
        if free(ln) and 1 <= ln.n <= 4 and not ln.terminal and nxt.reason in caption_like:
            ln.reason = "alt_text"

    # Short unpunctuated lines stuck to other lines before the body starts (head captions).
    for k in range(first_body):
        ln = lines[k]
        if not free(ln) or ln.terminal or ln.n > 15 or ln.wrapped:
            continue
        if block_size[ln.block] > 1:
            ln.reason = "head_caption"

    # After the article: headline-shaped lines are links to other articles.
    for ln in lines[last_body + 1 :]:
        if free(ln) and _is_title_case(ln) and ln.n <= 25 and not ln.text.endswith("."):
            ln.reason = "related_headline"

    # Short lines that recur on the page (menus printed twice, widget labels).
    seen = Counter(_norm(ln.text) for ln in lines)
    for ln in lines:
        if free(ln) and ln.n <= REP_MAX and seen[_norm(ln.text)] >= 2 and _norm(ln.text):
            ln.reason = "repeated_furniture"

    # Menus: runs of several short lines without a full stop.
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and _link_like(lines[j]):
            j += 1
        if j - k >= LINK_RUN:
            for ln in lines[k:j]:
                if free(ln):
                    ln.reason = "link_list"
        k = max(j, k + 1)

    # Lists of links under a "Related" / "More from ..." label.
    k = 0
    while k < len(lines):
        if lines[k].reason == "related":
            j = k + 1
            while (
                j < len(lines)
                and free(lines[j])
                and not lines[j].full_stop
                and lines[j].n <= 20
                and not lines[j].wrapped
            ):
                lines[j].reason = "related"
                j += 1
            k = j
        else:
            k += 1

    # Neighbours: a short line inside a run of clutter belongs to it.
    for k, ln in enumerate(lines):
        if not free(ln) or ln.n >= SHORT_LINE:
            continue
        before = lines[k - 1].reason is not None if k > 0 else False
        after = lines[k + 1].reason is not None if k + 1 < len(lines) else False
        weak = _addresses_reader(ln) or not ln.full_stop or ln.text.endswith(("?", "!"))
        if before and after and weak:
            ln.reason = "neighbours"

    verdicts: list[LineVerdict] = []
    by_index = {ln.index: ln for ln in lines}
    for i, raw in enumerate(raw_lines):
        found = by_index.get(i)
        reason = REASONS[found.reason] if found is not None and found.reason else None
        verdicts.append(LineVerdict(i + 1, raw, reason))
    return verdicts


def join_kept(verdicts: list[LineVerdict]) -> str:
    """The kept lines as text: one paragraph per line, paragraphs separated by a blank line.

    A line that does not end a sentence and is followed, in the same block, by a line that
    starts in lower case is a hard-wrapped paragraph: those are joined with a single newline.
    """
    paragraphs: list[str] = []
    prev: LineVerdict | None = None  # the previous kept, non-blank line, if directly above
    for v in verdicts:
        s = v.text.strip()
        if not v.keep or not s:
            prev = None
            continue
        if (
            prev is not None
            and paragraphs
            and not _TERMINAL.search(prev.text.strip())
            and s[0].islower()
        ):
            paragraphs[-1] += "\n" + s
        else:
            paragraphs.append(s)
        prev = v
    return "\n\n".join(paragraphs)
