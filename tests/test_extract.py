"""Extraction on sentences written for these tests (not from any report)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mission_monitor.extract import extract_facts
from mission_monitor.extract.annotate import annotate, nlp
from mission_monitor.models import Fact
from mission_monitor.resolve.dates import precision

# A headline that places the sentences under test in a report about the mission: texts that
# name neither the mission nor Haiti state nothing about it (see test_unrelated_text).
CONTEXT = "Security mission in Haiti: update\n\n"


def facts(text: str, published: str | None = "2024-08-14") -> list[Fact]:
    text = CONTEXT + text
    out = extract_facts(text, published)
    for f in out:  # the evidence contract holds for every fact
        assert f.evidence is not None
        assert text[f.evidence.start : f.evidence.end] == f.evidence.sentence
        assert f.evidence.rule
    return out


def personnel(text: str, published: str | None = "2024-08-14") -> list[tuple[object, ...]]:
    return [
        (f.actor, f.status, f.count, f.qualifier, f.force)
        for f in facts(text, published)
        if f.kind == "personnel"
    ]


def events(text: str, published: str | None = "2024-08-14") -> list[tuple[object, ...]]:
    return [(f.type, f.actors, f.date) for f in facts(text, published) if f.kind == "event"]


def test_pipeline_is_built_once() -> None:
    assert nlp() is nlp()


def test_line_breaks_end_sentences() -> None:
    ann = annotate("Kenyan police land in Haiti\nThe first group came on Tuesday.")
    assert [ann.text[s.start_char : s.end_char] for s in ann.sentences] == [
        "Kenyan police land in Haiti",
        "The first group came on Tuesday.",
    ]


def test_pledge_with_demonym_and_words() -> None:
    assert personnel("Chad has offered to send two hundred troops.") == [
        ("TCD", "pledged", 200, "exact", None)  # FACTS.md: troops name no force
    ]
    assert personnel("Roughly 300 Kenyan police are set to fly out next week.") == [
        ("KEN", "pledged", 300, "approx", "police")
    ]


def test_arrival_and_future_arrival() -> None:
    assert personnel("A second contingent of 200 Kenyan officers touched down on Tuesday.") == [
        ("KEN", "arrived", 200, "exact", "police")
    ]
    assert personnel("Another 150 Jamaican soldiers are due to arrive next month.") == [
        ("JAM", "pledged", 150, "exact", "military")
    ]


def test_presence_list_and_from() -> None:
    got = personnel(
        "There are 410 police personnel from Kenya in the force. Chile (12) and Peru (9) "
        "also have troops there."
    )
    assert ("KEN", "present", 410, "exact", "police") in got
    assert {(a, s, c) for a, s, c, _q, _f in got} >= {
        ("CHL", "present", 12),
        ("PER", "present", 9),
    }


def test_present_strength_takes_the_publication_date() -> None:
    (f,) = [f for f in facts("The mission currently has about 400 police on the ground.")]
    assert (f.actor, f.status, f.count, f.date) == ("MSS", "present", 400, "2024-08-14")


def test_withdrawal_and_planned_withdrawal() -> None:
    assert personnel("Kenya has withdrawn 150 officers whose tours ended.") == [
        ("KEN", "withdrawn", 150, "exact", "police")
    ]
    assert personnel("Kenya plans to pull out 150 officers next year.") == []


def test_authorised_ceiling_is_mission_wide() -> None:
    assert personnel("The resolution authorised a force of up to 3,000 personnel.") == [
        ("MSS", "authorized", 3000, "at_most", None)
    ]


def test_figures_that_are_not_head_counts() -> None:
    text = (
        "Two Kenyan officers were wounded in an ambush. More than 1,500 people died in 2023. "
        "Officials from 20 countries met in June 2024. About 2,000 Haitian police quit. "
        "Gangs hold 80% of the city. The officers, aged 25 to 40, trained for six months."
    )
    assert personnel(text) == []


def test_money_with_conversion_and_payer() -> None:
    (f,) = facts("The mission got a pledge of Ksh13 billion (USD100 million) from Canada.")
    assert (f.kind, f.actor, f.status, f.amount, f.currency) == (
        "funding",
        "CAN",
        "pledged",
        100e6,
        "USD",
    )
    assert f.original is not None and f.original.currency == "KES"


def test_money_that_is_a_cost_is_not_funding() -> None:
    assert facts("The operation costs about $600 million a year.") == []


def test_deposit_into_the_trust_fund() -> None:
    (f,) = facts("Spain deposited €5 million into the UN trust fund on Monday.")
    assert (f.actor, f.status, f.currency, f.date) == ("ESP", "deposited", "EUR", "2024-08-12")


def test_events() -> None:
    assert events("Kenya and Haiti signed a status of forces agreement on Monday.") == [
        ("agreement", ("HTI", "KEN"), "2024-08-12")
    ]
    assert events("The Security Council voted on Friday to extend the mission's mandate.") == [
        ("un_resolution", ("UNSC",), "2024-08-09"),
        ("mandate", ("UNSC",), "2024-08-09"),
    ]
    assert events("A Nairobi court ruled in July that the plan was unlawful.") == [
        ("court_ruling", ("KEN",), "2024-07")
    ]
    assert events("Ruto held talks with Joe Biden in Washington on Tuesday.") == [
        ("meeting", ("KEN", "USA"), "2024-08-13")
    ]


def test_hypothetical_events_are_not_events() -> None:
    assert events("The Security Council could vote on the force next week.") == []
    assert events("Kenya and Haiti are expected to sign an agreement soon.") == []


def test_deployment_without_head_count() -> None:
    assert events("Guatemalan soldiers arrived in Haiti on Saturday.") == [
        ("deployment", ("GTM",), "2024-08-10")
    ]
    # with a head-count it is a personnel fact, not an event
    assert events("About 80 Guatemalan soldiers arrived in Haiti on Saturday.") == []


def test_relative_dates_need_a_publication_date() -> None:
    (f,) = facts("Benin pledged 2,000 troops on Wednesday.", published=None)
    assert f.date is None
    (g,) = facts("Benin pledged 2,000 troops on Wednesday.", published="2024")
    assert g.date == "2024"


def test_each_fact_once_with_the_most_precise_date() -> None:
    text = (
        "Kenya offers 1,000 police officers\n\n"
        "Kenya offered 1,000 police officers to the mission in July 2023.\n\n"
        "Its offer of 1,000 officers stands."
    )
    got = [f for f in facts(text) if f.kind == "personnel"]
    assert len(got) == 1
    assert got[0].date == "2023-07"
    assert got[0].evidence is not None and got[0].evidence.start == len(CONTEXT)


def test_us_is_not_the_word_us() -> None:
    assert events("Let us meet the delegates of the union at the summit.") == []


def test_empty_text() -> None:
    assert extract_facts("") == []
    assert extract_facts("   \n\n ") == []


def test_unrelated_text_states_nothing_about_the_mission() -> None:
    # troops elsewhere, in a text that names neither the mission nor its host
    assert extract_facts("Some 200 US soldiers remain at a base in Syria.", "2020-01-01") == []
    # troops elsewhere, in a report that does name the host
    assert personnel("Kenya also has 3,000 troops deployed in Somalia.") == []
    assert personnel("Kenya has 400 police deployed in Haiti.") == [
        ("KEN", "present", 400, "exact", "police")
    ]


def test_figures_standing_for_a_head_count() -> None:
    # gapping: one verb, several states and figures
    got = personnel("Peru will contribute 300 troops, Chile 120 and Uruguay 40.")
    assert {(a, s, c) for a, s, c, _q, _f in got} == {
        ("PER", "pledged", 300),
        ("CHL", "pledged", 120),
        ("URY", "pledged", 40),
    }
    # "the remaining N" after a head-count
    got = personnel("Kenya has deployed 700 officers and will send the remaining 300 in May.")
    assert ("KEN", "pledged", 300, "exact", "police") in got
    # "-strong" with a collective noun, authorised by the Council
    assert personnel("The Security Council approved a 3,000-strong force.") == [
        ("MSS", "authorized", 3000, "exact", None)
    ]


def test_stocks_and_targets() -> None:
    got = personnel("Chile sent 20 more soldiers, bringing its contribution to 52.")
    assert ("CHL", "present", 52, "exact", None) in got
    assert personnel("Peru has promised to raise its contingent to 400.") == [
        ("PER", "pledged", 400, "exact", None)
    ]


def test_combined_figures_belong_to_nobody() -> None:
    assert personnel("Peru, Chile and Uruguay have pledged a total of 460 personnel.") == []


def test_end_dates_are_a_mandates_only() -> None:
    got = events("The council adopted resolution 2900 on Monday, extending the mission until 2027.")
    assert ("un_resolution", ("UNSC",), "2024-08-12") in got
    assert ("mandate", ("UNSC",), "2024-08-12") in got
    assert events("The mission's mandate runs until October 2026.") == [
        ("mandate", ("UNSC",), "2026-10")
    ]


def test_a_national_approval_is_another_event() -> None:
    assert events("Kenya's National Assembly voted on Tuesday to approve the deployment.") == [
        ("other", ("KEN",), "2024-08-13")
    ]
    assert events("The deployment still needs the approval of Peru's congress.") == []


_WORDS = [
    "Kenya",
    "Haiti",
    "Kenyan",
    "police",
    "officers",
    "1,000",
    "2,500",
    "troops",
    "pledged",
    "arrived",
    "on",
    "Monday",
    "in",
    "June",
    "2024",
    "$",
    "200",
    "million",
    "Ksh",
    "(",
    ")",
    ",",
    ".",
    "the",
    "mission",
    "MSS",
    "Security",
    "Council",
    "voted",
    "met",
    "Ruto",
    "Biden",
    "last",
    "week",
    "US",
    "us",
    "-",
    "strong",
    "up",
    "to",
    "about",
    "USD",
    "twenty-five",
    "a",
    "dozen",
    "since",
    "until",
    "October",
    "Wednesday",
    "'s",
] + ["\n", "\n\n", "’s", "\u2014", '"', "•", "%"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), max_size=60),
    st.sampled_from([None, "2024", "2024-06", "2024-06-25"]),
    st.text(max_size=30),
)
def test_any_text_gives_well_formed_facts(
    words: list[str], published: str | None, junk: str
) -> None:
    text = " ".join(words) + junk
    for f in extract_facts(text, published):
        assert f.evidence is not None
        assert text[f.evidence.start : f.evidence.end] == f.evidence.sentence
        if f.date is not None:
            assert precision(f.date) in ("year", "month", "day")
        assert f.key() == f.key()  # hashable, comparable


def test_targets_and_requests_are_not_arrivals() -> None:
    got = personnel("The mission has about 900 personnel, well short of its authorized 3,000.")
    assert ("MSS", "present", 900, "approx", None) in got
    assert ("MSS", "authorized", 3000, "exact", None) in got
    # a step asked for is no fact (issue 8: urging blocks one)
    assert personnel("Conille asked Ruto to speed up the arrival of 600 more officers.") == []


def test_wrapped_lines_are_not_sentence_ends() -> None:
    text = "Peru has pledged to send 140\npolice officers, its minister said on\nTuesday."
    (f,) = facts(text)
    assert (f.actor, f.status, f.count, f.date) == ("PER", "pledged", 140, "2024-08-13")
    assert "\n" in (f.evidence.sentence if f.evidence else "")


def test_a_text_over_a_million_characters_is_read() -> None:
    """spaCy refuses texts over its max_length (E088) by default: the blank pipeline has no
    model whose memory that guard protects, so a long report is split into its sentences."""
    from mission_monitor.extract.annotate import MAX_TEXT_CHARS, nlp

    block = "Chad sent more gendarmes on Monday. Roads were calm.\n\nA headline without a stop\n\n"
    text = block * (1_000_000 // len(block) + 10)
    assert 1_000_000 < len(text) < MAX_TEXT_CHARS
    doc = nlp()(text)
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert len(sents) == 3 * text.count(block)
    assert sents[-3:] == [
        "Chad sent more gendarmes on Monday.",
        "Roads were calm.",
        "A headline without a stop",
    ]


def test_titles_and_honours_end_no_sentence() -> None:
    text = "On Monday the Hon. Jane Doe, K.C., called Dr. Sam Lee and Rt. Hon. Ann Roe. Then rain."
    assert [s.text for s in nlp()(text).sents] == [
        "On Monday the Hon. Jane Doe, K.C., called Dr. Sam Lee and Rt. Hon. Ann Roe.",
        "Then rain.",
    ]
