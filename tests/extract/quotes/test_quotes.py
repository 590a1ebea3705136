"""The quotes stage on short reports written for these tests (not from any gold set)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sitrep.extract.stages import STAGES

Run = Callable[..., list[Any]]  # the ``run`` fixture (conftest.py)

KOWALSKA = {"Anna Kowalska": ["Defence Minister Anna Kowalska", "Anna Kowalska", "Kowalska"]}
HADDAD = {"Omar Haddad": ["Omar Haddad", "Haddad"]}


def kinds(quotes) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in quotes]


def test_stage_comes_after_entities() -> None:
    names = [s.name for s in STAGES]
    st = STAGES[names.index("quotes")]
    assert names.index("entities") < names.index("quotes")
    assert st.assigns == "quotes" and st.requires == ("entities",)


def test_cue_after_quote(run: Run) -> None:
    text = '"We will not retreat," Defence Minister Anna Kowalska said on Tuesday.'
    (q,) = run(text, KOWALSKA)
    assert (q.kind, q.text, q.speaker, q.cue) == ("direct", "We will not retreat,", "Anna Kowalska", "said")
    assert q.cue_span is not None and text[q.cue_span.start : q.cue_span.end] == "said"
    assert q.speaker_mention is not None and q.speaker_mention.text.endswith("Anna Kowalska")


def test_inverted_cue(run: Run) -> None:
    quotes = run('"Talks will resume next week," said Omar Haddad, a ministry spokesman.', HADDAD)
    assert kinds(quotes) == [("direct", "Talks will resume next week,", "Omar Haddad")]


def test_cue_before_with_colon_and_curly_marks(run: Run) -> None:
    quotes = run("Haddad told reporters: “The border is closed.”", HADDAD)
    assert kinds(quotes) == [("direct", "The border is closed.", "Omar Haddad")]
    assert quotes[0].cue == "told"


def test_split_quote_shares_its_cue(run: Run) -> None:
    quotes = run('"The talks failed," Haddad said, "but we will try again."', HADDAD)
    assert kinds(quotes) == [("direct", "The talks failed,", "Omar Haddad"),
                             ("direct", "but we will try again.", "Omar Haddad")]
    assert quotes[0].cue_span == quotes[1].cue_span


def test_pronoun_speaker_is_the_person_named_before(run: Run) -> None:
    text = 'Omar Haddad arrived in Geneva on Monday.\n\n"We came to listen," he said.'
    (q,) = run(text, HADDAD)
    assert q.speaker == "Omar Haddad" and q.speaker_mention is not None and q.speaker_mention.text == "he"


def test_quote_with_no_cue_continues_the_previous_speaker(run: Run) -> None:
    text = '"We came to listen," Haddad said.\n\n"Nobody wants another war."'
    quotes = run(text, HADDAD)
    assert kinds(quotes)[1] == ("direct", "Nobody wants another war.", "Omar Haddad")
    assert quotes[1].cue is None


def test_unnamed_speaker_gets_no_nearby_name(run: Run) -> None:
    text = 'Omar Haddad visited the town. "The shelling went on all night," a police officer said.'
    (q,) = run(text, HADDAD)
    assert q.speaker is None and q.speaker_mention is not None and "officer" in q.speaker_mention.text


def test_partial_quote_in_reported_speech(run: Run) -> None:
    quotes = run('Kowalska warned of "serious consequences" if the convoy crossed.', KOWALSKA)
    assert kinds(quotes) == [("partial", "serious consequences", "Anna Kowalska")]


def test_indirect_quote_after_the_cue_is_the_reported_clause(run: Run) -> None:
    quotes = run("Haddad said on Monday the ceasefire would hold until Friday.", HADDAD)
    assert kinds(quotes) == [("indirect", "the ceasefire would hold until Friday", "Omar Haddad")]


def test_indirect_quote_before_the_cue_and_metonym_speaker(run: Run) -> None:
    text = "Troops will leave the border region by March, the Kremlin said."
    quotes = run(text, others={"Russia": ("COUNTRY", ["Russia", "the Kremlin"])})
    assert kinds(quotes) == [("indirect", "Troops will leave the border region by March", "Russia")]


def test_according_to(run: Run) -> None:
    text = "According to the United Nations, 300 civilians have fled the city."
    quotes = run(text, others={"United Nations": ("ORG", ["the United Nations", "United Nations"])})
    assert kinds(quotes) == [("indirect", "300 civilians have fled the city", "United Nations")]
    assert quotes[0].cue == "According to"


def test_two_that_clauses_are_two_reports(run: Run) -> None:
    text = "Haddad said that the talks had stalled and that a new round was planned."
    assert [q.text for q in run(text, HADDAD)] == ["the talks had stalled", "a new round was planned"]


def test_clause_mostly_quoted_is_reported_as_the_fragment(run: Run) -> None:
    quotes = run('Haddad said the talks were "a waste of everybody\'s time".', HADDAD)
    assert kinds(quotes) == [("partial", "a waste of everybody's time", "Omar Haddad")]


def test_names_in_quotation_marks_are_not_quotes(run: Run) -> None:
    text = 'The exercise, dubbed "Iron Shield", began on Monday with the so-called "northern group".'
    assert run(text) == []


def test_multi_paragraph_quote(run: Run) -> None:
    text = ('Kowalska said: "The first point is clear.\n\n"The second point is clearer."\n\n'
            "The meeting ended at noon.")
    quotes = run(text, KOWALSKA)
    assert kinds(quotes) == [("direct", "The first point is clear.", "Anna Kowalska"),
                             ("direct", "The second point is clearer.", "Anna Kowalska")]


def test_role_description_takes_the_person_quoted(run: Run) -> None:
    text = '"We will rebuild," Kowalska said.\n\nThe minister said the budget was ready.'
    quotes = run(text, KOWALSKA)
    assert kinds(quotes)[-1] == ("indirect", "the budget was ready", "Anna Kowalska")


def test_declined_to_say_is_no_report(run: Run) -> None:
    assert run("Haddad declined to say when the troops would leave.", HADDAD) == []


def test_stray_mark_leaves_later_quotes_alone(run: Run) -> None:
    text = ('The 12" guns were moved.\n\n"We saw the trucks," a resident said.\n\n'
            '"They left at night," Haddad said.')
    quotes = run(text, HADDAD)
    assert [(q.text, q.speaker) for q in quotes] == [("We saw the trucks,", None),
                                                    ("They left at night,", "Omar Haddad")]


def test_quoted_as_saying_gives_the_quoted_person(run: Run) -> None:
    text = 'Haddad was quoted by Reuters as saying the ceasefire "will not last".'
    quotes = run(text, HADDAD, {"Reuters": ("ORG", ["Reuters"])})
    assert {q.speaker for q in quotes} == {"Omar Haddad"}


def test_quote_introduced_by_a_clause_without_reporting_verb(run: Run) -> None:
    text = 'Kowalska ended the meeting with a warning: "Nobody should test our patience."'
    (q,) = run(text, KOWALSKA)
    assert (q.kind, q.speaker) == ("direct", "Anna Kowalska")


def test_that_clause_after_in_a_statement(run: Run) -> None:
    text = "The ministry said in a statement that two drones had been shot down overnight."
    quotes = run(text, others={"Ministry": ("ORG", ["The ministry"])})
    assert kinds(quotes) == [("indirect", "two drones had been shot down overnight", "Ministry")]


def test_question_put_to_the_speaker_is_not_his_quote(run: Run) -> None:
    text = 'Asked whether sanctions would be lifted, Haddad said: "That is not on the agenda."'
    assert kinds(run(text, HADDAD)) == [("direct", "That is not on the agenda.", "Omar Haddad")]


def test_organization_description_takes_the_organization_quoted(run: Run) -> None:
    text = ("Human Rights Watch said the strike was unlawful.\n\n"
            "The campaign group also said the victims were civilians.")
    quotes = run(text, others={"Human Rights Watch": ("ORG", ["Human Rights Watch", "HRW"])})
    assert [q.speaker for q in quotes] == ["Human Rights Watch", "Human Rights Watch"]


def test_ministry_description_needs_a_ministry(run: Run) -> None:
    text = ("Human Rights Watch said the strike was unlawful.\n\n"
            "The ministry said the strike hit a depot.")
    quotes = run(text, others={"Human Rights Watch": ("ORG", ["Human Rights Watch"])})
    assert [q.speaker for q in quotes] == ["Human Rights Watch", None]


def test_name_in_apposition_to_the_subject(run: Run) -> None:
    text = "The low-cost airline, Ryanair, announced today that it would buy five aircraft."
    quotes = run(text, others={"Ryanair": ("ORG", ["Ryanair"])})
    assert [q.speaker for q in quotes] == ["Ryanair"]


def test_nouns_of_saying_with_a_that_clause(run: Run) -> None:
    text = "Russia's claim that the strike hit only military targets was rejected by Kyiv."
    quotes = run(text, others={"Russia": ("COUNTRY", ["Russia"]), "Ukraine": ("COUNTRY", ["Kyiv"])})
    assert kinds(quotes) == [("indirect", "the strike hit only military targets", "Russia")]
    text = "The ministry issued a statement that the border would close."
    quotes = run(text, others={"Ministry": ("ORG", ["The ministry"])})
    assert kinds(quotes) == [("indirect", "the border would close", "Ministry")]


def test_multi_paragraph_quote_with_the_cue_at_its_end(run: Run) -> None:
    text = ('Haddad arrived late.\n\n"The first point is clear.\n\n'
            '"The second point is clearer," Kowalska said.')
    quotes = run(text, {**HADDAD, **KOWALSKA})
    assert [(q.text, q.speaker) for q in quotes] == [
        ("The first point is clear.", "Anna Kowalska"), ("The second point is clearer,", "Anna Kowalska")]


def test_names_after_nouns_and_in_lists_are_not_quotes(run: Run) -> None:
    text = ('Haddad said the new drone "Sky Hawk" would fly in May. Two units, dubbed "North Wind" '
            'and "South Wind," were formed.')
    assert [q.kind for q in run(text, HADDAD)] == ["indirect"]


def test_the_owner_of_a_suit_speaks_through_it(run: Run) -> None:
    text = "The union's lawsuit claims that the company broke the 2019 agreement."
    quotes = run(text, others={"Union": ("ORG", ["The union"])})
    assert kinds(quotes) == [("indirect", "the company broke the 2019 agreement", "Union")]


def test_narrators_participle_is_cut_from_the_reported_clause(run: Run) -> None:
    text = "Haddad said the price was too high, referring to the offer made on Monday."
    assert [q.text for q in run(text, HADDAD)] == ["the price was too high"]
