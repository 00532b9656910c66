"""The surface of a text, read once and cheaply: sentences, actor mentions, figures, money and
date spans; then the parse of the sentences that can hold a fact.

Two pipelines, both built once per process:

- ``nlp()``: ``spacy.blank("en")`` with a hard-line-break component and the sentencizer. It
  reads the whole text (linear, no model), so a long report or a whole-site dump is cheap.
- the statistical pipeline (``extract.model``), run only on *candidate* sentences: those with
  a figure, an amount of money or a trigger word of one of the fact kinds. Each candidate is
  parsed as a ``Doc`` of its own with the same tokens, so token ``k`` of ``Sentence.parsed`` is
  token ``Sentence.start + k`` of the whole text, and the surface annotations carry over as
  token extensions (``token._.mm_actor``, ``token._.mm_figure``...) that rules can test.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

import spacy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from thinc.types import Ints2d

from mission_monitor.extract.lexicon import words
from mission_monitor.extract.model import model, parse_docs
from mission_monitor.mission import Mission, default_mission
from mission_monitor.resolve import actors as actor_tables
from mission_monitor.resolve.money import MoneyMention, find_money
from mission_monitor.resolve.numbers import SCALES, parse_number

# A line that ends with one of these goes on on the next line ("officials said on\nMonday").
_CONTINUES = frozenset(
    ["on", "in", "of", "to", "the", "a", "an", "and", "or", "for", "with", "by", "at", "from",
     "as", "that", "than", "its", "their", "his", "her", "said", "says", "has", "have", "was",
     "were", "is", "are", "will", "would"]
)  # fmt: skip


@Language.component("hard_breaks")
def hard_breaks(doc: Doc) -> Doc:
    """Line breaks end sentences: headlines, bullets and captions have no full stop. A single
    line break before a lower-case word or a digit is a wrapped line ("to send 1,000\npolice
    officers"), not an end."""
    starts = doc.to_array([SENT_START])
    found = False
    for i in range(1, len(doc)):
        prev = doc[i - 1].text
        if "\n" not in prev:
            continue
        first = doc[i].text[:1]
        last = doc[i - 2].lower_ if i >= 2 else ""
        if prev.count("\n") == 1 and (first.islower() or first.isdigit() or last in _CONTINUES):
            continue
        starts[i] = 1
        found = True
    # one write for the whole document: setting Token.is_sent_start checks the whole Doc each
    # time, which made a long text quadratic
    if found:
        doc.from_array([SENT_START], cast(Ints2d, starts))
    return doc


MAX_TEXT_CHARS = 50_000_000  # spaCy's max_length for the blank pipeline (see nlp())


def _add_special_cases(tokenizer: Tokenizer) -> None:
    # "the Hon. Jane Doe, K.C., met Dr. Ruto": a title's full stop ends no sentence
    for abbr in words("abbreviations"):
        for form in {abbr, abbr.capitalize(), abbr.upper()}:
            tokenizer.add_special_case(form, [{ORTH: form}])


@cache
def nlp() -> Language:
    """The reading pipeline: tokenizer, hard line breaks, sentencizer. No statistical model."""
    pipeline = spacy.blank("en")
    tokenizer = pipeline.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    _add_special_cases(tokenizer)
    pipeline.add_pipe("hard_breaks")
    pipeline.add_pipe("sentencizer")
    # spaCy's 1,000,000-character guard protects the memory of a parser or NER model; this
    # pipeline has neither (a tokenizer and a sentencizer, linear in the text), so a long report
    # or a whole-site dump is safe to read in one piece. The parser sees single sentences.
    pipeline.max_length = MAX_TEXT_CHARS
    return pipeline


# --- what the surface holds ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A named actor in the text (token offsets in the whole text). ``location``: a place here
    ("in Haiti"), not an actor; ``modifier``: part of a compound ("Kenya-led"), not an actor.
    ``force``: the national force an organisation name stands for ("Jamaica Defence Force")."""

    start: int
    end: int
    code: str
    kind: str  # state | org | mission | official | force | coref
    via: str
    location: bool = False
    modifier: bool = False
    force: str | None = None

    @property
    def usable(self) -> bool:
        return not self.location and not self.modifier


@dataclass(frozen=True, slots=True)
class Figure:
    """A number in the text: tokens [start, end) and its value."""

    start: int
    end: int
    value: float
    text: str


@dataclass(frozen=True, slots=True)
class DateSpan:
    start_char: int
    end_char: int
    text: str
    start: int = 0  # tokens [start, end) in the whole text
    end: int = 0


@dataclass(frozen=True, slots=True)
class MoneySpan:
    mention: MoneyMention
    start: int  # tokens [start, end) in the whole text
    end: int


@dataclass
class Sentence:
    index: int
    span: Span
    start_char: int  # stripped of surrounding whitespace
    end_char: int
    actors: list[ActorMention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    money: list[MoneySpan] = field(default_factory=list)
    dates: list[DateSpan] = field(default_factory=list)
    parsed: Doc | None = None  # set for candidate sentences by ``parse``

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end

    @property
    def text(self) -> str:
        return self.span.doc.text[self.start_char : self.end_char]

    def token(self, i: int) -> Token:
        """The parsed token for token ``i`` of the whole text."""
        assert self.parsed is not None
        return self.parsed[i - self.start]

    def whole(self, tok: Token) -> int:
        """The index in the whole text of a parsed token."""
        return self.start + tok.i

    def actor_at(self, i: int) -> ActorMention | None:
        for a in self.actors:
            if a.start <= i < a.end:
                return a
        return None


@dataclass
class Annotated:
    text: str
    doc: Doc
    sentences: list[Sentence]
    author: str | None = None  # the state of the official whose statement the text is


# --- actors ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _ActorMatchers:
    cs: PhraseMatcher
    ci: PhraseMatcher
    info: dict[str, actor_tables.Alias]


@cache
def _actor_matchers(mission: Mission) -> _ActorMatchers:
    pipeline = nlp()
    vocab = pipeline.vocab
    cs = PhraseMatcher(vocab, attr="ORTH")
    ci = PhraseMatcher(vocab, attr="LOWER")
    info: dict[str, actor_tables.Alias] = {}
    seen: set[str] = set()
    for a in actor_tables.aliases(mission):
        key_text = a.text if a.case_sensitive else a.text.lower()
        if key_text in seen:
            continue
        seen.add(key_text)
        key = f"A|{a.code}|{a.kind}|{a.via}|{a.force or ''}"
        info[key] = a
        (cs if a.case_sensitive else ci).add(key, [pipeline.make_doc(a.text)])
    for phrase in actor_tables.BLOCKED_PHRASES:
        ci.add("BLOCK", [pipeline.make_doc(phrase)])
    return _ActorMatchers(cs, ci, info)


def _actor_mentions(doc: Doc, mission: Mission) -> list[ActorMention]:
    m = _actor_matchers(mission)
    spans: list[Span] = []
    for matcher in (m.cs, m.ci):
        for key_hash, s, e in matcher(doc):
            spans.append(Span(doc, s, e, label=key_hash))
    location_before = words("location_before")
    modifier_after = words("modifier_after")
    modifier_nouns = words("modifier_nouns")
    out: list[ActorMention] = []
    for sp in filter_spans(spans):
        key = doc.vocab.strings[sp.label]
        if key == "BLOCK":
            continue
        a = m.info[key]
        if a.needs_capital and not any(ch.isupper() for ch in sp.text):
            continue
        location = False
        if a.kind == "state" and a.via in ("name", "capital"):
            k = sp.start - 1
            while k >= 0 and doc[k].lower_ in ("the",):
                k -= 1
            location = k >= 0 and doc[k].lower_ in location_before
        modifier = (
            (
                sp.end + 1 < len(doc)
                and doc[sp.end].text in ("-", "\u2011")
                and doc[sp.end + 1].lower_ in modifier_after
            )
            or (sp.start >= 2 and doc[sp.start - 1].text in ("-", "\u2011"))  # "non-NATO"
            or (
                # "the Haiti mission": a state name as a noun modifier
                a.kind == "state"
                and a.via == "name"
                and sp.end < len(doc)
                and doc[sp.end].lower_ in modifier_nouns
            )
        )
        out.append(
            ActorMention(sp.start, sp.end, a.code, a.kind, a.via, location, modifier, a.force)
        )
    return out


def _author(sentences: list[Sentence], doc: Doc) -> str | None:
    """The state of the official whose statement the document is ("Statement from President
    X", "Remarks by Y" in its first lines): the "I" of its text."""
    for sent in sentences[:6]:
        lows = [doc[k].lower_ for k in range(sent.start, sent.end)]
        for n, low in enumerate(lows[:-1]):
            if low in words("statement_words") and lows[n + 1] in ("from", "by", "of"):
                who = [
                    a
                    for a in sent.actors
                    if a.kind == "official" and sent.start + n + 1 < a.start <= sent.start + n + 5
                ]
                if who:
                    return who[0].code
    return None


def _resolve_leaders(sentences: list[Sentence], doc: Doc, author: str | None) -> None:
    """Coreference by the last person named. "the Head of State" / "the president" get the
    state of the last leader named; "he" / "she" the state of the last official named."""
    last_leader: str | None = None
    last_person: str | None = None
    titles = words("leader_titles")
    for sent in sentences:
        by_start = {a.start: a for a in sent.actors}
        by_end = {a.end: a for a in sent.actors}
        covered = {i for a in sent.actors for i in range(a.start, a.end)}
        added: list[ActorMention] = []
        i = sent.start
        while i < sent.end:
            a = by_start.get(i)
            if a is not None:
                if a.kind == "official":
                    last_person = a.code
                i = a.end
                continue
            low = doc[i].lower_
            if low in titles:
                before = by_end.get(i)
                if before is None and i >= 1 and doc[i - 1].lower_ in ("'s", "\u2019s"):
                    before = by_end.get(i - 1)
                after = None
                if i + 1 < len(doc) and doc[i + 1].lower_ == "of":
                    after = by_start.get(i + 2) or (
                        by_start.get(i + 3)
                        if i + 2 < len(doc) and doc[i + 2].lower_ == "the"
                        else None
                    )
                owner = before or after
                if owner is not None and owner.kind in ("state", "official"):
                    last_leader = last_person = owner.code
                elif last_leader is not None and i >= 1 and doc[i - 1].lower_ == "the":
                    added.append(ActorMention(i, i + 1, last_leader, "coref", "coref"))
                    last_person = last_leader
                i += 1
                continue
            if (
                low in words("unnamed_people")
                and i > sent.start
                and doc[i - 1].lower_ not in ("'s", "\u2019s")
                and i not in covered
            ):
                last_person = None  # "the official said ... he": someone nobody named
            if author is not None and doc[i].text == "I" and i not in covered:
                added.append(ActorMention(i, i + 1, author, "coref", "pronoun"))
            if low in ("he", "she") and last_person is not None and i not in covered:
                added.append(ActorMention(i, i + 1, last_person, "coref", "pronoun"))
            i += 1
        if added:
            sent.actors.extend(added)
            sent.actors.sort(key=lambda a: a.start)


# --- dates -----------------------------------------------------------------------------------

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_PART = r"(?:\s+(?:night|morning|evening|afternoon))?"
_LEAD = (
    r"(?i:in|since|by|until|till|from|during|before|after|early|late|mid|of|through|"
    r"throughout|last|this|next)"
)
_WHICH_YEAR = r"(?i:last|this|next)\s+year"  # "July last year"
_DATE_RE = re.compile(
    "|".join(
        [
            # Friday, March 1(, 2024) / Wednesday last week / last Tuesday night
            rf"(?:(?i:last|this|next|on|past)\s+)?{_WEEKDAY}(?:,?\s+(?:{_MONTH}\s+{_DAY}|{_DAY}\s+{_MONTH})(?:,?\s+{_YEAR})?)?{_PART}(?:\s+(?i:last|this|next)\s+week)?",
            # (early) March 1(, 2024) / 1 March (2024)
            rf"(?:(?i:early|mid|late)[\s-]+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR}(?!\d)|(?!\d|,\d))",
            rf"{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?",
            # (mid-)June 2024
            rf"(?:(?i:early|mid|late)[\s-]+)?{_MONTH}(?:\s+of)?,?\s+(?:{_YEAR}|{_WHICH_YEAR})",
            # in January / since May / since June 2024
            rf"{_LEAD}[\s-]+{_MONTH}(?:\s+{_DAY}(?![\d,]))?(?:,?\s+{_YEAR}|\s+{_WHICH_YEAR})?\b",
            # in 2024
            rf"(?i:in|since|by|until|from|during|before|after|early|late|mid|through|throughout|of)\s+{_YEAR}\b",
            # last week, earlier this month, three days ago, yesterday
            r"(?i:(?:(?:earlier|later)\s+)?(?:last|this|next|past)\s+(?:week|month|year))\b",
            r"(?i:\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:day|week|month|year)s?\s+ago)\b",
            r"\b(?i:yesterday|today|tonight|(?:earlier\s+)?this\s+(?:morning|afternoon|evening))\b",
            # in recent weeks, over the past few days
            r"(?i:(?:in|over|during)\s+(?:recent|the\s+(?:past|last)(?:\s+few)?)\s+(?:days|weeks|months))\b",
            # over the summer, in the spring of 2024
            rf"(?i:(?:over|during|in|this|last|since|by)\s+(?:the\s+)?(?:summer|winter|spring|autumn|fall))(?:\s+(?:of\s+)?{_YEAR})?\b",
        ]
    )
)


def find_dates(text: str, offset: int = 0) -> list[DateSpan]:
    """Candidate date spans in a sentence (character offsets relative to the whole text)."""
    out = []
    for m in _DATE_RE.finditer(text):
        s = m.group(0)
        stripped = s.rstrip(" ,.")
        out.append(DateSpan(offset + m.start(), offset + m.start() + len(stripped), stripped))
    return out


# --- figures ---------------------------------------------------------------------------------

NUMBER_WORDS = frozenset(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
     "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
     "hundred", "thousand", "million", "billion", "dozen"]
)  # fmt: skip


def _is_num_token(tok: Token) -> bool:
    low = tok.lower_
    if low in NUMBER_WORDS:
        return True
    return bool(tok.like_num) and any(c.isdigit() for c in low) and not low.startswith("0")


def find_figures(span: Span) -> list[Figure]:
    """Numbers in a sentence: "2,500", "1.2 million", "two hundred", "a dozen"."""
    toks = list(span)
    out: list[Figure] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        start = i
        if (
            tok.lower_ in ("a", "an")
            and i + 1 < len(toks)
            and toks[i + 1].lower_ in ("hundred", "thousand", "dozen", "million")
        ):
            i += 1
        elif not _is_num_token(tok):
            i += 1
            continue
        j = i + 1
        digit_seen = any(c.isdigit() for c in toks[i].text)
        if toks[i].text.isdigit() and len(toks[i].text) <= 3:
            # "17 430": thousands set apart by a space (French and UN style)
            while (
                j < len(toks)
                and toks[j].text.isdigit()
                and len(toks[j].text) == 3
                and toks[j - 1].whitespace_ == " "
            ):
                j += 1
            if j > i + 1:
                spaced = span.doc[span.start + start : span.start + j].text
                joined = float("".join(t.text for t in toks[i:j]))
                out.append(Figure(span.start + start, span.start + j, joined, spaced))
                i = j
                continue
        while j < len(toks):
            t = toks[j]
            low = t.lower_
            if low in SCALES and low not in ("m", "k", "b", "mn", "bn"):
                j += 1
                continue
            if digit_seen:
                break
            if low in NUMBER_WORDS:
                j += 1
                continue
            if (
                low in ("-", "and")
                and j + 1 < len(toks)
                and toks[j + 1].lower_ in NUMBER_WORDS
                and (low == "-" or toks[j - 1].lower_ in ("hundred", "thousand"))
            ):
                j += 2
                continue
            break
        text = span.doc[span.start + start : span.start + j].text
        value = parse_number(text)
        if value is not None:
            out.append(Figure(span.start + start, span.start + j, value, text))
        i = max(j, start + 1)
    return out


# --- candidates and the parse ----------------------------------------------------------------


def _register_extensions() -> None:
    for name, default in (
        ("mm_actor", None),  # the actor code of a mention's root token
        ("mm_kind", None),  # its kind: state | org | mission | official | force | coref
        ("mm_contrib", False),  # a state (or its official, force...) that can send or pay
        ("mm_place", False),  # an actor named as a place ("in Haiti") or a modifier
        ("mm_host", False),  # the host state, named anywhere
        ("mm_figure", False),  # the root token of a figure
        ("mm_money", False),  # the root token of an amount of money
        ("mm_money_start", False),  # the first token of an amount of money
        ("mm_time", False),  # a token inside a date span
    ):
        if not Token.has_extension(name):
            Token.set_extension(name, default=default)


_register_extensions()


def _root(doc: Doc, start: int, end: int) -> Token:
    """The token of [start, end) whose head lies outside it (the last one if several)."""
    found = doc[end - 1]
    for t in doc[start:end]:
        if t.head.i < start or t.head.i >= end or t.head.i == t.i:
            found = t
    return found


def is_candidate(sent: Sentence, doc: Doc) -> bool:
    """Whether a sentence can hold a fact: a figure that is not a year, an amount, or a
    trigger word."""
    if sent.money or any(not _not_a_count(f, doc) for f in sent.figures):
        return True
    triggers = words("candidate_words")
    stems = tuple(words("candidate_stems"))
    for t in doc[sent.start : sent.end]:
        low = t.lower_
        if low in triggers or low.startswith(stems):
            return True
    return False


_MONTH_WORDS = frozenset(
    m.lower() for m in (*calendar.month_name, *calendar.month_abbr, "Sept") if m
)


def _not_a_count(fig: Figure, doc: Doc) -> bool:
    """A number that is part of a date or a measure of time ("July 16", "in 2024", "100 days",
    "three years"), which no rule reads as a head-count or an amount."""
    before = doc[fig.start - 1].lower_ if fig.start > 0 else ""
    after = doc[fig.end].lower_ if fig.end < len(doc) else ""
    if before in _MONTH_WORDS or after in _MONTH_WORDS:
        return True
    if after in words("time_units"):
        return True
    if fig.end - fig.start == 1 and fig.text.isdigit() and len(fig.text) == 4:
        # "in 2024", "October 2023": a year with no noun of its own after it ("2000 troops"
        # still counts)
        return 1900 <= fig.value <= 2100 and not (after.isalpha() and doc[fig.end].is_lower)
    return False


def _mark(sent: Sentence, parsed: Doc, host: str | None) -> None:
    """Set the surface annotations on the parsed tokens, as token extensions (for code) and
    as plain lists in ``parsed.user_data["mm"]`` (for the rule engine's views)."""
    off = sent.start
    n = len(parsed)
    marks: dict[str, list[Any]] = {
        "mm_actor": [None] * n,
        "mm_kind": [None] * n,
        "mm_contrib": [False] * n,
        "mm_place": [False] * n,
        "mm_host": [False] * n,
        "mm_figure": [False] * n,
        "mm_money": [False] * n,
        "mm_money_start": [False] * n,
        "mm_time": [False] * n,
    }

    def put(i: int, name: str, value: Any) -> None:
        marks[name][i] = value
        setattr(parsed[i]._, name, value)

    for a in sent.actors:
        i = _root(parsed, a.start - off, a.end - off).i
        put(i, "mm_actor", a.code)
        put(i, "mm_kind", a.kind)
        put(i, "mm_place", not a.usable)
        if a.code == host:
            put(i, "mm_host", True)
        contrib = a.usable and a.code != host and a.kind in ("state", "official", "force", "coref")
        put(i, "mm_contrib", contrib)
    for f in sent.figures:
        put(_root(parsed, f.start - off, f.end - off).i, "mm_figure", True)
    for m in sent.money:
        put(_root(parsed, m.start - off, m.end - off).i, "mm_money", True)
        put(m.start - off, "mm_money_start", True)
    for d in sent.dates:
        for i in range(d.start - off, d.end - off):
            put(i, "mm_time", True)
    parsed.user_data["mm"] = marks


def parse(ann: Annotated, mission: Mission, sentences: Iterable[Sentence] | None = None) -> None:
    """Parse the candidate sentences (all of ``sentences`` when given) and mark on their tokens
    what the surface found."""
    pipeline = model()
    todo = [s for s in (sentences if sentences is not None else ann.sentences)]
    if sentences is None:
        todo = [s for s in todo if s.parsed is None and is_candidate(s, ann.doc)]
    for s in todo:  # dates matter only where a fact can be: found for the parsed sentences
        if not s.dates:
            for d in find_dates(ann.text[s.start_char : s.end_char], s.start_char):
                got = _token_span(ann.doc, d.start_char, d.end_char)
                if got is not None:
                    s.dates.append(DateSpan(d.start_char, d.end_char, d.text, *got))
    docs = [
        Doc(
            pipeline.vocab,
            words=[t.text for t in s.span],
            spaces=[bool(t.whitespace_) for t in s.span],
        )
        for s in todo
    ]
    for s, parsed in zip(todo, parse_docs(docs), strict=True):
        s.parsed = parsed
        _mark(s, parsed, mission.host)


# --- annotation ------------------------------------------------------------------------------


def _token_span(doc: Doc, start_char: int, end_char: int) -> tuple[int, int] | None:
    sp = doc.char_span(start_char, end_char, alignment_mode="expand")
    return None if sp is None or len(sp) == 0 else (sp.start, sp.end)


def annotate(text: str, mission: Mission | None = None) -> Annotated:
    """Read ``text``: sentences, and in each its actors (``mission``'s names among them: the
    default mission's when ``None``), figures, money and dates."""
    doc = nlp()(text)
    mentions = _actor_mentions(doc, mission or default_mission())
    sentences: list[Sentence] = []
    for sent in doc.sents:
        raw = sent.text
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        start_char = sent.start_char + lead
        sentences.append(Sentence(len(sentences), sent, start_char, start_char + len(stripped)))
    idx = 0
    for men in mentions:  # both lists are in text order
        while idx < len(sentences) and sentences[idx].end <= men.start:
            idx += 1
        if idx < len(sentences) and sentences[idx].start <= men.start:
            sentences[idx].actors.append(men)
    for s in sentences:
        s_text = text[s.start_char : s.end_char]
        for mm in find_money(s_text):
            got = _token_span(doc, s.start_char + mm.start, s.start_char + mm.end)
            if got is not None:
                s.money.append(MoneySpan(mm, *got))
        money_tokens = {i for m in s.money for i in range(m.start, m.end)}
        s.figures = [
            f
            for f in find_figures(s.span)
            if not any(i in money_tokens for i in range(f.start, f.end))
        ]
    author = _author(sentences, doc)
    _resolve_leaders(sentences, doc, author)
    return Annotated(text, doc, sentences, author)


def mission_named(ann: Annotated, mission: Mission) -> bool:
    """Whether the text names the mission (or its successor) or its host state at all. A text
    that names neither (a story about troops elsewhere) states nothing about the mission."""
    for s in ann.sentences:
        for a in s.actors:
            if a.code == mission.host:
                return True
            if a.kind == "mission" and any(c.isupper() for c in ann.doc[a.start : a.end].text):
                return True
    return bool(mission.mentions(ann.text))
