"""One pass of spaCy over a text: sentences, actor mentions, trigger phrases, figures, money
and date spans, grouped by sentence for the fact rules.

The pipeline (``spacy.blank("en")``, a hard-break component, the sentencizer) and the matchers
are built once per process, at first use.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache
from typing import cast

import spacy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab
from thinc.types import Ints2d

from mission_monitor.extract.rules import rules, token_patterns, words
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


@cache
def nlp() -> Language:
    """The shared pipeline: tokenizer, hard line breaks, sentencizer. No statistical model."""
    pipeline = spacy.blank("en")
    # "the Hon. Jane Doe, K.C., met Dr. Ruto": a title's full stop ends no sentence
    tokenizer = pipeline.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    for abbr in words("abbreviations"):
        for form in {abbr, abbr.capitalize(), abbr.upper()}:
            tokenizer.add_special_case(form, [{ORTH: form}])
    pipeline.add_pipe("hard_breaks")
    pipeline.add_pipe("sentencizer")
    # spaCy's 1,000,000-character guard protects the memory of a parser or NER model; this
    # pipeline has neither (a tokenizer and a sentencizer, linear in the text), so a long report
    # or a whole-site dump is safe to read in one piece.
    pipeline.max_length = MAX_TEXT_CHARS
    return pipeline


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A named actor in the text. ``location``: a place here ("in Haiti"), not an actor;
    ``modifier``: part of a compound ("Kenya-led"), not an actor."""

    start: int
    end: int
    code: str
    kind: str  # state | org | mission | official | coref
    via: str
    location: bool = False
    modifier: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """A phrase of one family ("p:pledged", "event:court_ruling", "qual:approx"...)."""

    group: str
    start: int
    end: int


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


@dataclass
class Sentence:
    span: Span
    start_char: int  # stripped of surrounding whitespace
    end_char: int
    actors: list[ActorMention] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    money: list[tuple[MoneyMention, int, int]] = field(default_factory=list)  # mention, tokens
    dates: list[DateSpan] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end

    def has(self, group: str) -> bool:
        return any(h.group == group for h in self.hits)

    def hits_of(self, group: str) -> list[Hit]:
        return [h for h in self.hits if h.group == group]


@dataclass
class Annotated:
    text: str
    doc: Doc
    sentences: list[Sentence]


# --- matchers --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Matchers:
    actors_cs: PhraseMatcher
    actors_ci: PhraseMatcher
    phrases: PhraseMatcher  # phrase families whose every token is a finite word set
    regex_phrases: Matcher  # the rest (token regexes), checked token by token
    alias_info: dict[str, actor_tables.Alias]


class _PhraseAdder:
    """Adds phrase families to a PhraseMatcher (expanded into plain word sequences, fast) or,
    where a token is an open regex, to a Matcher."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.phrase = PhraseMatcher(vocab, attr="LOWER")
        self.matcher = Matcher(vocab)

    def __call__(self, key: str, phrases: tuple[str, ...] | list[str]) -> None:
        docs: list[Doc] = []
        pats = []
        for p in phrases:
            if not p.strip():
                continue
            pattern = token_patterns(p)
            choices: list[list[str]] = []
            for tok in pattern:
                value = tok.get("LOWER")
                if isinstance(value, str):
                    choices.append([value])
                elif isinstance(value, dict) and "IN" in value:
                    choices.append(list(value["IN"]))
                else:
                    choices = []
                    break
            if not choices:
                pats.append(pattern)
                continue
            for combo in itertools.product(*choices):
                kept = [w for w in combo if w]  # an optional token ("(on|against)?") may go
                if kept:
                    docs.append(Doc(self.vocab, words=kept))
        if docs:
            self.phrase.add(key, docs)
        if pats:
            self.matcher.add(key, pats)


@cache
def _matchers() -> _Matchers:
    pipeline = nlp()
    vocab = pipeline.vocab
    cs = PhraseMatcher(vocab, attr="ORTH")
    ci = PhraseMatcher(vocab, attr="LOWER")
    info: dict[str, actor_tables.Alias] = {}
    seen: set[str] = set()
    for a in actor_tables.aliases():
        key_text = a.text if a.case_sensitive else a.text.lower()
        if key_text in seen:
            continue
        seen.add(key_text)
        key = f"A|{a.code}|{a.kind}|{a.via}|{int(a.needs_capital)}"
        info[key] = a
        (cs if a.case_sensitive else ci).add(key, [pipeline.make_doc(a.text)])
    for phrase in actor_tables.BLOCKED_PHRASES:
        ci.add("BLOCK", [pipeline.make_doc(phrase)])
    r = rules()
    m = _PhraseAdder(vocab)
    for status, phrases in r.personnel_status.items():
        m(f"p:{status}", phrases)
    for status, phrases in r.funding_status.items():
        m(f"f:{status}", phrases)
    m("f:not", r.not_funding)
    m("f:other", r.other_purpose)
    for q, phrases in r.qualifiers.items():
        m(f"qual:{q}", phrases)
    m("qual_after:at_least", r.after_at_least)
    m("future", r.future)
    m("total", r.total_before)
    m("leader_title", r.leader_titles)
    m("present_marker", r.present_markers)
    m("deploy_event", r.deployment_triggers)
    for ev in r.events:
        m(f"event:{ev.type}", ev.triggers)
        m(f"weak:{ev.type}", ev.weak_triggers)
        m(f"with:{ev.type}", ev.with_)
        m(f"requires:{ev.type}", ev.requires)
        m(f"blocked:{ev.type}", ev.blocked_by)
        m(f"shared:{ev.type}", ev.shared)
    return _Matchers(cs, ci, m.phrase, m.matcher, info)


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
            rf"(?:(?i:early|mid|late)[\s-]+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR}(?!\d)|(?![\d,]))",
            rf"{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?",
            # (mid-)June 2024
            rf"(?:(?i:early|mid|late)[\s-]+)?{_MONTH}(?:\s+of)?,?\s+(?:{_YEAR}|{_WHICH_YEAR})",
            # in January / since May / since June 2024
            rf"{_LEAD}[\s-]+{_MONTH}(?:\s+{_DAY}(?![\d,]))?(?:,?\s+{_YEAR}|\s+{_WHICH_YEAR})?\b",
            # in 2024
            rf"(?i:in|since|by|until|from|during|before|after|early|late|mid|through|throughout)\s+{_YEAR}\b",
            # last week, earlier this month, three days ago, yesterday
            r"(?i:(?:(?:earlier|later)\s+)?(?:last|this|next|past)\s+(?:week|month|year))\b",
            r"(?i:\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:day|week|month|year)s?\s+ago)\b",
            r"\b(?i:yesterday|today|tonight|(?:earlier\s+)?this\s+(?:morning|afternoon|evening))\b",
            # over the summer, in the spring of 2024
            rf"(?i:(?:over|during|in|this|last|since|by)\s+(?:the\s+)?(?:summer|winter|spring|autumn|fall))(?:\s+(?:of\s+)?{_YEAR})?\b",
        ]
    )
)


def find_dates(text: str, offset: int = 0) -> list[DateSpan]:
    """Candidate date spans in a sentence (offsets relative to the whole text)."""
    out = []
    for m in _DATE_RE.finditer(text):
        s = m.group(0)
        stripped = s.rstrip(" ,.")
        out.append(DateSpan(offset + m.start(), offset + m.start() + len(stripped), stripped))
    return out


# --- figures ---------------------------------------------------------------------------------

_NUMBER_WORDS = frozenset(
    {
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "million",
        "billion",
        "dozen",
    }
)


def _is_num_token(tok: Token) -> bool:
    low = tok.lower_
    if low in _NUMBER_WORDS:
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
            and toks[i + 1].lower_
            in (
                "hundred",
                "thousand",
                "dozen",
                "million",
            )
        ):
            i += 1
        elif not _is_num_token(tok):
            i += 1
            continue
        j = i + 1
        digit_seen = any(c.isdigit() for c in toks[i].text)
        while j < len(toks):
            t = toks[j]
            low = t.lower_
            if low in SCALES and low not in ("m", "k", "b", "mn", "bn"):
                j += 1
                continue
            if digit_seen:
                break
            if low in _NUMBER_WORDS:
                j += 1
                continue
            if (
                low in ("-", "and")
                and j + 1 < len(toks)
                and toks[j + 1].lower_ in _NUMBER_WORDS
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


# --- annotation ------------------------------------------------------------------------------


def _actor_mentions(doc: Doc, m: _Matchers) -> list[ActorMention]:
    r = rules()
    spans: list[Span] = []
    for matcher in (m.actors_cs, m.actors_ci):
        for key_hash, s, e in matcher(doc):
            spans.append(Span(doc, s, e, label=key_hash))
    out: list[ActorMention] = []
    for sp in filter_spans(spans):
        key = doc.vocab.strings[sp.label]
        if key == "BLOCK":
            continue
        a = m.alias_info[key]
        if a.needs_capital and not any(ch.isupper() for ch in sp.text):
            continue
        location = False
        if a.kind == "state" and a.via in ("name", "capital"):
            k = sp.start - 1
            while k >= 0 and doc[k].lower_ in ("the",):
                k -= 1
            location = k >= 0 and doc[k].lower_ in r.location_before
        modifier = (
            (
                sp.end + 1 < len(doc)
                and doc[sp.end].text in ("-", "\u2011")
                and doc[sp.end + 1].lower_ in r.modifier_after
            )
            or (
                # "non-NATO ally"
                sp.start >= 2
                and doc[sp.start - 1].text in ("-", "\u2011")
                and doc[sp.start - 2].lower_ == "non"
            )
            or (
                # "the Haiti mission": a state name as a noun modifier
                a.kind == "state"
                and a.via == "name"
                and sp.end < len(doc)
                and doc[sp.end].lower_ in r.modifier_nouns
            )
        )
        out.append(ActorMention(sp.start, sp.end, a.code, a.kind, a.via, location, modifier))
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


def _resolve_leaders(sentences: list[Sentence], doc: Doc) -> None:
    """Coreference by the last person named. "the Head of State" / "the president" get the
    state of the last leader named; "he" / "she" the state of the last official named."""
    last_leader: str | None = None
    last_person: str | None = None
    author = _author(sentences, doc)
    for sent in sentences:
        by_start = {a.start: a for a in sent.actors}
        by_end = {a.end: a for a in sent.actors}
        covered = {i for a in sent.actors for i in range(a.start, a.end)}
        titles = {h.start: h for h in sent.hits_of("leader_title")}
        added: list[ActorMention] = []
        i = sent.start
        while i < sent.end:
            a = by_start.get(i)
            if a is not None:
                if a.kind == "official":
                    last_person = a.code
                i = a.end
                continue
            h = titles.get(i)
            if h is not None:
                before = by_end.get(h.start)
                if before is None and h.start >= 1 and doc[h.start - 1].lower_ in ("'s", "\u2019s"):
                    before = by_end.get(h.start - 1)
                after = by_start.get(h.end)
                if after is None and h.end < len(doc) and doc[h.end].lower_ == "of":
                    after = by_start.get(h.end + 1) or (
                        by_start.get(h.end + 2)
                        if h.end + 1 < len(doc) and doc[h.end + 1].lower_ == "the"
                        else None
                    )
                owner = before or after
                if owner is not None and owner.kind in ("state", "official"):
                    last_leader = last_person = owner.code
                elif (
                    last_leader is not None
                    and h.start >= 1
                    and doc[h.start - 1].lower_ == "the"
                    and h.start not in covered
                ):
                    added.append(ActorMention(h.start, h.end, last_leader, "coref", "coref"))
                    last_person = last_leader
                i = max(h.end, i + 1)
                continue
            if (
                doc[i].lower_ in words("unnamed_people")
                and i > sent.start
                and doc[i - 1].lower_ not in ("'s", "\u2019s")
                and i not in covered
            ):
                last_person = None  # "the official said ... he": someone nobody named
            if author is not None and doc[i].text == "I" and i not in covered:
                added.append(ActorMention(i, i + 1, author, "coref", "pronoun"))
            if doc[i].lower_ in ("he", "she") and last_person is not None and i not in covered:
                added.append(ActorMention(i, i + 1, last_person, "coref", "pronoun"))
            i += 1
        if added:
            sent.actors.extend(added)
            sent.actors.sort(key=lambda a: a.start)


def annotate(text: str) -> Annotated:
    """Run the pipeline and every matcher over ``text``; group what they find by sentence."""
    doc = nlp()(text)
    m = _matchers()
    mentions = _actor_mentions(doc, m)
    hits = [Hit(doc.vocab.strings[key], s, e) for key, s, e in m.phrases(doc)]
    if len(m.regex_phrases):
        hits += [Hit(doc.vocab.strings[key], s, e) for key, s, e in m.regex_phrases(doc)]
    sentences: list[Sentence] = []
    for sent in doc.sents:
        raw = sent.text
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        start_char = sent.start_char + lead
        sentences.append(Sentence(sent, start_char, start_char + len(stripped)))
    # group by sentence (both lists are in text order)
    idx = 0
    for men in mentions:
        while idx < len(sentences) and sentences[idx].end <= men.start:
            idx += 1
        if idx < len(sentences) and sentences[idx].start <= men.start:
            sentences[idx].actors.append(men)
    hits.sort(key=lambda h: h.start)
    idx = 0
    for h in hits:
        while idx < len(sentences) and sentences[idx].end <= h.start:
            idx += 1
        if idx < len(sentences) and sentences[idx].start <= h.start and h.end <= sentences[idx].end:
            sentences[idx].hits.append(h)
    for s in sentences:
        s_text = text[s.start_char : s.end_char]
        s.dates = find_dates(s_text, s.start_char)
        for mm in find_money(s_text):
            sp = doc.char_span(
                s.start_char + mm.start, s.start_char + mm.end, alignment_mode="expand"
            )
            if sp is not None:
                s.money.append((mm, sp.start, sp.end))
        s.figures = find_figures(s.span)
    _resolve_leaders(sentences, doc)
    return Annotated(text, doc, sentences)
