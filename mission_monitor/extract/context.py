"""What every kind needs to know of a document while it extracts: its sentences and their
rule matches, its publication date, its mission, and the answers that reach beyond one
sentence (who "it" and "the government" are, the date a fact takes when it has no time of
its own)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property

from spacy.tokens import Token

from mission_monitor.extract import grammar
from mission_monitor.extract.annotate import Annotated, DateSpan, Sentence, parse
from mission_monitor.extract.engine import Engine, Matches
from mission_monitor.extract.lexicon import ruleset, words
from mission_monitor.extract.model import model
from mission_monitor.mission import Mission
from mission_monitor.models import Evidence
from mission_monitor.resolve.dates import Prefer, resolve_date


@cache
def engine() -> Engine:
    """Every rule of every data file in one DependencyMatcher (built once per process)."""
    return Engine(ruleset(), model().vocab)


@dataclass
class Context:
    ann: Annotated
    published: str | None
    mission: Mission
    _matches: dict[int, Matches] = field(default_factory=dict)

    # --- sentences and matches ---------------------------------------------------------------

    def parsed(self) -> Iterator[Sentence]:
        for s in self.ann.sentences:
            if s.parsed is not None:
                yield s

    def parse(self, sent: Sentence) -> Sentence:
        """``sent`` with its parse, made now where the candidate filter left it out (a
        sentence read for the context of another)."""
        if sent.parsed is None:
            parse(self.ann, self.mission, [sent])
        return sent

    def matches(self, sent: Sentence) -> Matches:
        got = self._matches.get(sent.index)
        if got is None:
            assert sent.parsed is not None
            got = self._matches[sent.index] = engine().run(sent.parsed)
        return got

    def evidence(self, sent: Sentence, rules: list[str]) -> Evidence:
        return Evidence(sent.text, sent.start_char, sent.end_char, "+".join(rules))

    # --- actors --------------------------------------------------------------------------------

    @property
    def host(self) -> str | None:
        return self.mission.host

    def contributors(self, sent: Sentence) -> list[str]:
        """The states a sentence names as actors (not as places, not the host)."""
        return [
            a.code
            for a in sent.actors
            if a.usable
            and a.code != self.host
            and a.kind in ("state", "official", "force", "coref")
        ]

    def recent_state(self, sent: Sentence, back: int = 3) -> str | None:
        """The state "it", "they" or "the country" stands for: the last contributor named in
        the sentences before (the subject of the last one that names one)."""
        for k in range(sent.index - 1, max(-1, sent.index - 1 - back), -1):
            found = self.contributors(self.ann.sentences[k])
            if found:
                return found[0]
        return None

    def speaker(self, sent: Sentence) -> str | None:
        """The state of whoever speaks a quoted sentence: the official or state named with a
        verb of saying in it or in the sentences that close the quote ("..., said US
        President Joe Biden"), or in the sentence that opens it ("Biden said:")."""
        said = words("reporting_words")
        k = sent.index
        window = self.ann.sentences[k : k + 4] + self.ann.sentences[max(0, k - 1) : k]
        for s in window:
            if not any(t.lower_ in said for t in s.span):
                continue
            people = [a for a in s.actors if a.kind in ("official", "coref") and a.usable]
            if people:
                return people[-1].code
        return None

    @cached_property
    def _contributor_counts(self) -> Counter[str]:
        """How often the document names each contributing state (read once per document)."""
        counts: Counter[str] = Counter()
        for s in self.ann.sentences:
            counts.update(self.contributors(s))
        return counts

    @property
    def main_state(self) -> str | None:
        """The contributor a document is mostly about (named most often), for "the
        government" and other subjects that name no state."""
        (code, n), *rest = self._contributor_counts.most_common(2) + [("", 0), ("", 0)]
        return code if n and n > rest[0][1] else None

    @property
    def only_state(self) -> str | None:
        """The one contributing state the document names, if it names just one."""
        counts = self._contributor_counts
        return next(iter(counts)) if len(counts) == 1 else None

    @property
    def names_no_state(self) -> bool:
        """Whether the document names no contributing state at all."""
        return not self._contributor_counts

    @property
    def dominant_state(self) -> str | None:
        """The contributor that at least two thirds of the document's mentions of a
        contributing state name: a group no sentence attributes is most likely its."""
        counts = self._contributor_counts
        total = sum(counts.values())
        if not total:
            return None
        code, n = counts.most_common(1)[0]
        return code if n >= 2 and n * 3 >= total * 2 else None

    # --- dates -------------------------------------------------------------------------------

    def times(self, sent: Sentence, pred: Token, nominal: frozenset[str]) -> list[DateSpan]:
        """The date spans that depend on ``pred`` (and on no nearer predicate)."""
        if sent.parsed is None:
            return []
        out = []
        for d in sent.dates:
            toks = [sent.token(i) for i in range(d.start, d.end)]
            if grammar.attached(toks, pred, nominal):
                out.append(d)
        return out

    def resolve(self, span: DateSpan, prefer: Prefer = "past") -> str | None:
        return resolve_date(span.text, self.published, prefer)

    def first_date(self, spans: list[DateSpan], prefer: Prefer = "past") -> str | None:
        for d in spans:
            got = self.resolve(d, prefer)
            if got is not None:
                return got
        return None


def _own_force(low: str, police: frozenset[str], military: frozenset[str]) -> str | None:
    if low in police:
        return "police"
    if low in military and low not in ("troop", "troops"):
        return "military"
    return None


def unit_force(unit: Token, mention_force: str | None = None) -> str | None:
    """The force a counted noun names: police, military or neither (FACTS.md: troops,
    personnel and mixed groups are neither)."""
    police, military = words("police_nouns"), words("military_nouns")
    low = unit.lower_
    for other in unit.children:
        # "officers and soldiers": a mixed group (FACTS.md: null)
        if (
            other.dep_ == "conj"
            and other.lower_ in police | military | words("other_person_nouns")
            and unit_force(other) != _own_force(low, police, military)
        ):
            return None
    mods = {c.lower_ for c in unit.children if c.dep_ in ("compound", "amod", "nmod")}
    if low in police and "military" in mods:
        return "military"  # military police
    if low in police or low in military:
        return _own_force(low, police, military)
    if mods & police:
        return "police"
    if mods & {"military", "army", "defence", "defense"}:
        return "military"
    if low not in words("other_person_nouns"):
        # "a team of Bahamian officers", "the number of Belizean soldiers": the group's people
        for prep in unit.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for inner in prep.children:
                    if inner.dep_ == "pobj" and inner.i != unit.i:
                        got = unit_force(inner)
                        if got is not None:
                            return got
    return mention_force
