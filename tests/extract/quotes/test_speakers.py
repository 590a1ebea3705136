"""Speaker resolution by kind, on short reports written for these tests (issue #14)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Run = Callable[..., list[Any]]  # the ``run`` fixture (conftest.py)

MARSH = {"Lena Marsh": ["Lena Marsh"]}
NAVY = {"Ruritanian Navy": ("MILITARY_UNIT", ["Ruritanian Navy", "navy"])}
RURITANIA = {"Ruritania": ("COUNTRY", ["Ruritania", "Ruritanian"])}


def speakers(quotes: list[Any]) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in quotes]


def test_unnamed_official_speaks_for_the_body_named_in_its_modifiers(run: Run) -> None:
    text = "A navy spokesman said the frigate had returned to port after the storm."
    (q,) = run(text, {}, NAVY)
    assert q.speaker == "Ruritanian Navy"


def test_nationality_officials_speak_for_the_state(run: Run) -> None:
    text = "Ruritanian officials said the border crossing would reopen on Friday."
    (q,) = run(text, {}, RURITANIA)
    assert q.speaker == "Ruritania"


def test_official_for_a_body(run: Run) -> None:
    text = "A spokeswoman for the Ruritanian Navy said the drills would continue until June."
    (q,) = run(text, {}, NAVY)
    assert q.speaker == "Ruritanian Navy"


def test_unnamed_source_placed_nowhere_has_no_speaker(run: Run) -> None:
    text = "Lena Marsh arrived in the capital on Monday. Witnesses said the convoy had left before dawn."
    quotes = run(text, MARSH)
    assert speakers(quotes) == [("the convoy had left before dawn", None)]


def test_the_spokesman_is_whoever_a_spokesman_spoke_for(run: Run) -> None:
    text = ("A navy spokesman said two sailors had been injured in the fire. "
            '"The damage is limited," the spokesman said.')
    quotes = run(text, {}, NAVY)
    assert [q.speaker for q in quotes] == ["Ruritanian Navy", "Ruritanian Navy"]


def test_document_speaks_for_its_issuer(run: Run) -> None:
    text = "The Ruritanian Navy statement said the vessel had been seized in international waters."
    (q,) = run(text, {}, NAVY)
    assert q.speaker == "Ruritanian Navy"


def test_surname_the_entity_stage_left_unattached(run: Run) -> None:
    text = 'Lena Marsh leads the inquiry. "We have found nothing yet," Marsh said.'
    (q,) = run(text, {"Lena Marsh": ["Lena Marsh"]})
    assert q.speaker == "Lena Marsh"


def test_short_name_entity_gives_way_to_the_full_name(run: Run) -> None:
    text = 'Tomas Varga chairs the committee. "The vote will be held in May," Varga said.'
    (q,) = run(text, {"Tomas Varga": ["Tomas Varga"], "Varga": ["Varga"]})
    assert q.speaker == "Tomas Varga"


def test_acronym_entity_gives_way_to_the_full_name(run: Run) -> None:
    text = ("The Baltic Press Agency has an office in the port. "
            "A BPA reporter said the ferry had been turned back by the coast guard.")
    others = {"Baltic Press Agency": ("ORG", ["Baltic Press Agency"]), "BPA": ("ORG", ["BPA"])}
    (q,) = run(text, {}, others)
    assert q.speaker == "Baltic Press Agency"


def test_quote_without_cue_after_a_reported_clause_of_its_paragraph(run: Run) -> None:
    text = ("Lena Marsh said on Monday that the talks had stalled. "
            '"Nobody is ready to give ground, and nobody wants to admit it."')
    quotes = run(text, MARSH)
    assert speakers(quotes)[-1] == ("Nobody is ready to give ground, and nobody wants to admit it.",
                                    "Lena Marsh")


def test_cue_after_quote_with_an_abbreviation_in_the_title(run: Run) -> None:
    text = '"We are deeply worried about the refugees," U.N. envoy Lena Marsh told reporters.'
    (q,) = run(text, MARSH)
    assert (q.speaker, q.cue) == ("Lena Marsh", "told")


def test_subject_inside_the_quotation_is_not_the_speaker(run: Run) -> None:
    text = ('"We are not going to sign anything today," Marsh said, adding that the talks '
            "would resume next week.")
    quotes = run(text, {"Lena Marsh": ["Marsh"]})
    assert all(q.speaker == "Lena Marsh" for q in quotes)


def test_person_of_a_body_is_the_speaker_not_the_body(run: Run) -> None:
    text = ("Lena Marsh of the Dutch foreign affairs think tank Nordwatch said the sanctions were "
            "unlikely to change the government's course.")
    quotes = run(text, MARSH, {"Nordwatch": ("ORG", ["Nordwatch"])})
    assert [q.speaker for q in quotes] == ["Lena Marsh"]


def test_pronoun_is_the_last_subject_not_a_name_inside_the_quotation(run: Run) -> None:
    text = ("Lena Marsh doubts the deal will last. "
            '"Nobody trusts Mr. Varga after what happened in March," she said.')
    quotes = run(text, {"Lena Marsh": ["Lena Marsh"], "Tomas Varga": ["Mr. Varga", "she"]})
    assert [q.speaker for q in quotes] == ["Lena Marsh"]


def test_definite_role_noun_matches_the_description_of_a_person_quoted(run: Run) -> None:
    text = ("Lena Marsh, the director of the navy's press office, said the ship was safe. "
            '"The crew is fine," Tomas Varga said. '
            "The navy spokesperson said the ship would sail on Monday.")
    people = {"Lena Marsh": ["Lena Marsh", "the director of the navy's press office"],
              "Tomas Varga": ["Tomas Varga"]}
    quotes = run(text, people)
    assert quotes[-1].speaker == "Lena Marsh"


def test_object_frames_are_indirect_quotes_of_the_subject(run: Run) -> None:
    text = ("Lena Marsh accused the harbour board of hiding the accident. "
            "She also urged the council to open an inquiry before the summer.")
    quotes = run(text, {"Lena Marsh": ["Lena Marsh"]})
    assert speakers(quotes) == [("the harbour board of hiding the accident", "Lena Marsh"),
                                ("the council to open an inquiry before the summer", "Lena Marsh")]
    assert {q.kind for q in quotes} == {"indirect"}


def test_called_on_and_blamed_for(run: Run) -> None:
    text = ("Ruritanian officials blamed the rebels for the blackout and called on both sides "
            "to respect the truce.")
    quotes = run(text, {}, RURITANIA)
    assert speakers(quotes) == [("the rebels for the blackout", "Ruritania"),
                                ("both sides to respect the truce", "Ruritania")]


def test_a_planned_speech_act_is_not_a_quote(run: Run) -> None:
    text = "Lena Marsh plans to urge the ministers to focus on the border dispute."
    assert run(text, {"Lena Marsh": ["Lena Marsh"]}) == []


def test_object_frame_with_a_quoted_fragment_is_the_partial_quote_only(run: Run) -> None:
    text = 'Lena Marsh praised the rescue teams for their "quiet courage" during the flood.'
    quotes = run(text, {"Lena Marsh": ["Lena Marsh"]})
    assert [(q.kind, q.text, q.speaker) for q in quotes] == [("partial", "quiet courage", "Lena Marsh")]


def test_surname_of_a_person_typed_as_an_organization(run: Run) -> None:
    text = 'Maxim Orlov leads the fishermen\'s union. "We want our boats back," Orlov said.'
    (q,) = run(text, {}, {"Maxim Orlov": ("ORG", ["Maxim Orlov"])})
    assert q.speaker == "Maxim Orlov"


def test_according_to_a_person_who_said(run: Run) -> None:
    text = ("The road is still closed, according to Lena Marsh, who said that repairs "
            "would take a month.")
    quotes = run(text, {"Lena Marsh": ["Lena Marsh"]})
    assert ("repairs would take a month", "Lena Marsh") in speakers(quotes)


def test_definite_description_of_an_organization_named_before(run: Run) -> None:
    text = ("The Northern Liberation Front attacked a depot on Monday. "
            "The banned outfit said it had seized two trucks. "
            "It later claimed that the drivers had been released.")
    quotes = run(text, {}, {"Northern Liberation Front": ("ORG", ["The Northern Liberation Front"])})
    assert [q.speaker for q in quotes] == ["Northern Liberation Front", "Northern Liberation Front"]


def test_blamed_on_and_a_denied_gerund(run: Run) -> None:
    text = ("Ruritanian officials blamed the blackout on saboteurs from the north. "
            "The rebels denied storing weapons in the villages.")
    quotes = run(text, {}, {**RURITANIA, "Northern Rebels": ("ORG", ["The rebels"])})
    assert speakers(quotes) == [("the blackout on saboteurs from the north", "Ruritania"),
                                ("storing weapons in the villages", "Northern Rebels")]


def test_quotation_joined_by_and_to_the_next_takes_its_cue(run: Run) -> None:
    text = ('Tomas Varga spoke first. "The harbour will stay open all winter." and '
            '"We will not give up on the ferry line to the islands," tweeted Lena Marsh.')
    quotes = run(text, {"Lena Marsh": ["Lena Marsh"], "Tomas Varga": ["Tomas Varga"]})
    assert [q.speaker for q in quotes] == ["Lena Marsh", "Lena Marsh"]


def test_name_before_the_cue_when_the_parse_takes_a_subject_from_the_quotation(run: Run) -> None:
    text = ('"So this is a very positive step for the whole region," Deputy Mayor Lena Marsh, '
            "told reporters.")
    (q,) = run(text, MARSH)
    assert q.speaker == "Lena Marsh"


def test_quote_without_cue_after_a_sentence_reporting_speech(run: Run) -> None:
    text = ("Board chairman Tomas Varga denied the reports on Monday.\n\n"
            '"We are not selling the shipyard to anyone, now or later."')
    quotes = run(text, {"Tomas Varga": ["Board chairman Tomas Varga", "Tomas Varga"]})
    assert speakers(quotes)[-1] == ("We are not selling the shipyard to anyone, now or later.",
                                    "Tomas Varga")


def test_leaders_of_a_party_speak_for_the_party(run: Run) -> None:
    text = "Green Party leaders insisted that the new tax be dropped before the vote."
    (q,) = run(text, {}, {"Green Party": ("ORG", ["Green Party"])})
    assert q.speaker == "Green Party"


def test_question_quote_does_not_take_the_cue_of_the_next_quotation(run: Run) -> None:
    text = ('"The storm will pass," Lena Marsh said. "Nobody knows. But will the dam hold?" '
            'Later, Tomas Varga said, "The dam is safe."')
    quotes = run(text, {"Lena Marsh": ["Lena Marsh"], "Tomas Varga": ["Tomas Varga"]})
    assert [q.speaker for q in quotes] == ["Lena Marsh", "Lena Marsh", "Tomas Varga"]


def test_question_quote_with_its_cue_after_it(run: Run) -> None:
    text = 'Tomas Varga spoke first. "Who will pay for the dam?" Lena Marsh asked.'
    quotes = run(text, {"Lena Marsh": ["Lena Marsh"], "Tomas Varga": ["Tomas Varga"]})
    assert [q.speaker for q in quotes] == ["Lena Marsh"]


def test_unnamed_role_description_is_the_person_named_in_the_next_quote(run: Run) -> None:
    text = ("A senior Ruritanian Navy admiral said the fleet would stay in port. "
            '"We will not sail into the storm," said Admiral Tomas Varga, commander of the '
            "Ruritanian Navy's northern fleet.")
    people = {"Tomas Varga": ["Admiral Tomas Varga", "commander of the Ruritanian Navy's northern fleet"]}
    quotes = run(text, people, {"Ruritanian Navy": ("MILITARY_UNIT", ["Ruritanian Navy"])})
    assert [q.speaker for q in quotes] == ["Tomas Varga", "Tomas Varga"]


def test_unnamed_role_description_keeps_no_speaker_for_an_unrelated_person(run: Run) -> None:
    text = ("A senior admiral said the fleet would stay in port. "
            '"The harbour is full," said Mayor Lena Marsh.')
    quotes = run(text, {"Lena Marsh": ["Mayor Lena Marsh"]})
    assert [q.speaker for q in quotes] == [None, "Lena Marsh"]


def test_infinitive_reports_and_what_is_not_one(run: Run) -> None:
    text = ("The Northern Liberation Front claimed to be holding six engineers. "
            "Engineers were said to be working without pay. "
            "Lena Marsh called the hotline to complain about the noise. "
            "Lena Marsh suggests waiting for the second bridge before moving.")
    quotes = run(text, MARSH, {"Northern Liberation Front": ("ORG", ["The Northern Liberation Front"])})
    assert speakers(quotes) == [("to be holding six engineers", "Northern Liberation Front"),
                                ("to be working without pay", None)]


def test_full_name_spelling_an_acronym_entity(run: Run) -> None:
    text = "The NLF attacked a depot. The National Liberation Front says the depot was a legitimate target."
    (q,) = run(text, {}, {"NLF": ("ORG", ["NLF"])})
    assert q.speaker == "NLF"


def test_conjunct_misattached_inside_the_reported_clause(run: Run) -> None:
    text = ("Lena Marsh said the plan aims to rebuild roads and bridges across the region "
            "and urged donors to release the promised funds.")
    quotes = run(text, MARSH)
    assert ("donors to release the promised funds", "Lena Marsh") in speakers(quotes)


def test_beliefs_and_findings_are_indirect_quotes_but_not_everywhere(run: Run) -> None:
    text = ("Economists believe the currency will fall again in spring. "
            "A survey found most voters want early elections. "
            "The ferry finds itself stuck in the ice. "
            "Because the board thinks that prices are too high, it waits.")
    quotes = run(text)
    assert speakers(quotes) == [("the currency will fall again in spring", None),
                                ("most voters want early elections", None)]


def test_calling_for_is_a_demand_quoted(run: Run) -> None:
    text = "Lena Marsh is calling for an independent inquiry into the port accident."
    quotes = run(text, MARSH)
    assert speakers(quotes) == [("an independent inquiry into the port accident", "Lena Marsh")]


def test_clause_coordinated_with_a_present_cue_belongs_to_the_past_report(run: Run) -> None:
    text = "Lena Marsh also says she tried to run but the smoke blinded her in the corridor."
    quotes = run(text, MARSH)
    assert [q.text for q in quotes] == ["she tried to run but the smoke blinded her in the corridor"]


def test_fronted_concession_is_not_part_of_the_report(run: Run) -> None:
    text = ("Although Ruritania has said that the radar is purely civilian, it gives the navy "
            "a view of the whole strait, say analysts.")
    quotes = run(text, {}, RURITANIA)
    assert speakers(quotes) == [("the radar is purely civilian", "Ruritania"),
                                ("it gives the navy a view of the whole strait", None)]


def test_plural_subject_speaks_through_the_member_it_names(run: Run) -> None:
    text = "Critics, including Ruritania's Lena Marsh, argue that the plan will cost too much."
    (q,) = run(text, MARSH, RURITANIA)
    assert q.speaker == "Lena Marsh"


def test_plural_subject_with_such_as(run: Run) -> None:
    text = "Opposition figures such as Lena Marsh said the reform would fail."
    (q,) = run(text, MARSH)
    assert q.speaker == "Lena Marsh"


def test_coordinated_speakers_give_the_first(run: Run) -> None:
    text = "Lena Marsh and Tomas Vidal said the treaty would be signed in June."
    (q,) = run(text, {**MARSH, "Tomas Vidal": ["Tomas Vidal"]})
    assert q.speaker == "Lena Marsh"


def test_participial_cue_takes_the_subject_of_its_clause(run: Run) -> None:
    text = ("Prime Minister Lena Marsh was the first to break the news, announcing on social media "
            'on Friday that the army had destroyed the bridge.')
    (q,) = run(text, MARSH)
    assert q.speaker == "Lena Marsh"


def test_told_an_outlet_the_speaker_is_the_teller(run: Run) -> None:
    text = '"We strongly reject these claims," Lena Marsh told the Daily Courier.'
    (q,) = run(text, MARSH, {"Daily Courier": ("ORG", ["Daily Courier"])})
    assert q.speaker == "Lena Marsh"


COURIER = {"Daily Courier": ("ORG", ["Daily Courier"])}


def test_two_quotations_joined_before_one_cue_are_both_the_speakers(run: Run) -> None:
    text = '"We are ready," and "We will not wait," tweeted Lena Marsh.'
    quotes = run(text, MARSH)
    assert [q.speaker for q in quotes] == ["Lena Marsh", "Lena Marsh"]


def test_quoted_by_an_outlet_the_speaker_is_the_person(run: Run) -> None:
    text = "Lena Marsh was quoted by the Daily Courier as saying that the mine had closed."
    (q,) = run(text, MARSH, COURIER)
    assert q.speaker == "Lena Marsh"


def test_remarks_carried_by_an_outlet_are_the_persons(run: Run) -> None:
    text = "In remarks carried by the Daily Courier, Lena Marsh said the mine had closed."
    (q,) = run(text, MARSH, COURIER)
    assert q.speaker == "Lena Marsh"


def test_an_agency_report_is_the_agencys(run: Run) -> None:
    text = "The state news agency RNA reported that the mine had closed."
    (q,) = run(text, {}, {"RNA": ("ORG", ["RNA"])})
    assert q.speaker == "RNA"


# -- attribution frames by dependency syntax (#14)
RURITANIA_CAPITAL = {"Ruritania": ("COUNTRY", ["Ruritania", "Strelsau"]),
                     "Borduria": ("COUNTRY", ["Borduria"])}


def test_relative_clause_speaker_is_the_noun_it_modifies(run: Run) -> None:
    text = ("Borduria's purchase of the radars is a point of tension with Strelsau, "
            "which claims the radars threaten its airspace.")
    (q,) = run(text, {}, RURITANIA_CAPITAL)
    assert (q.text, q.speaker) == ("the radars threaten its airspace", "Ruritania")


def test_with_absolute_participle_speaker_is_the_object_of_with(run: Run) -> None:
    text = ("The two rivals had been trading insults for weeks, with Marsh at one point "
            "suggesting Okafor needed a lawyer.")
    (q,) = run(text, {"Lena Marsh": ["Marsh"], "Ade Okafor": ["Okafor"]})
    assert (q.text, q.speaker) == ("Okafor needed a lawyer", "Lena Marsh")


def test_participle_on_a_plural_noun_is_that_group_speaking(run: Run) -> None:
    text = ("In response to critics saying that the port had reopened too late, "
            "Lena Marsh said that the storm had closed it for only two days.")
    quotes = run(text, MARSH)
    assert speakers(quotes) == [("the port had reopened too late", None),
                                ("the storm had closed it for only two days", "Lena Marsh")]


def test_participle_on_a_document_is_its_writer_speaking(run: Run) -> None:
    text = "Lena Marsh sent a letter stating that the inquiry would close in May."
    (q,) = run(text, MARSH)
    assert q.speaker == "Lena Marsh"


def test_cited_as_saying_gives_the_cited_source(run: Run) -> None:
    text = ('The Daily Courier cited "security officials in two neighbouring countries" '
            "as saying the tanker would leave port in early March.")
    quotes = run(text, {}, {"Daily Courier": ("ORG", ["The Daily Courier"])})
    assert [q.speaker for q in quotes if q.kind == "indirect"] == [None]


def test_citing_reasons_is_no_quoting_frame(run: Run) -> None:
    text = ("President Lena Marsh missed the deadline, citing technical reasons and announcing "
            "last month that all troops would be home by June.")
    (q,) = run(text, {"Lena Marsh": ["Lena Marsh"]})
    assert (q.text, q.speaker) == ("all troops would be home by June", "Lena Marsh")


def test_officials_of_several_states_speak_for_none(run: Run) -> None:
    text = "Officials in two Western countries said the tanker would leave port in early March."
    (q,) = run(text, {}, {"the West": ("BLOC", ["Western"])})
    assert q.speaker is None


# -- type constraints on the speaker (#14)
def test_surname_typed_as_a_town_is_the_person_of_that_name(run: Run) -> None:
    text = ("The board named Fritz Halvorsen chief executive on Sunday. "
            "Halvorsen said on Tuesday that the plan would close five plants.")
    (q,) = run(text, {"Fritz Halvorsen": ["Fritz Halvorsen"]}, {"Halvorsen": ("CITY", ["Halvorsen"])})
    assert q.speaker == "Fritz Halvorsen"


def test_a_weapon_is_never_a_speaker(run: Run) -> None:
    text = "The Vulkan said the launch had been a success."
    (q,) = run(text, {}, {"Vulkan": ("WEAPON_SYSTEM", ["Vulkan"])})
    assert q.speaker is None


def test_a_town_is_never_a_speaker(run: Run) -> None:
    text = "Another passenger, Piet Dorn, told reporters that he had run for his life."
    (q,) = run(text, {}, {"Dorn": ("CITY", ["Dorn"])})
    assert q.speaker is None


def test_misspelt_surname_is_the_person_introduced_before(run: Run) -> None:
    text = ('Industry minister Tony Clement met the unions on Monday. '
            '"The industry will be smaller but viable," said Clements.')
    quotes = run(text, {"Tony Clement": ["Tony Clement"], "Clements": ["Clements"]})
    assert [q.speaker for q in quotes] == ["Tony Clement"]


def test_misspelt_surname_with_no_entity_of_its_own(run: Run) -> None:
    text = ("Army spokesman Ahmed Sharif Chaudhry briefed reporters on Monday. "
            "Military spokesperson Chaundry claimed the attackers were in touch with planners abroad.")
    (q,) = run(text, {"Ahmed Sharif Chaudhry": ["Ahmed Sharif Chaudhry"]})
    assert q.speaker == "Ahmed Sharif Chaudhry"


def test_near_spelling_keeps_different_names_apart() -> None:
    from sitrep.extract.quotes.bodies import near_spelling

    assert near_spelling("clement", "clements") and near_spelling("chaudhry", "chaundry")
    assert not near_spelling("hassan", "hussein") and not near_spelling("khan", "kahn")
    assert not near_spelling("morales", "gonzales")


# -- an unnamed role description named a quotation later (#14)
def test_head_of_a_body_is_the_leader_named_next(run: Run) -> None:
    text = ("Lena Marsh said the camps were full. The head of the Relief Council told the assembly "
            'that its teams had treated 300 survivors. "Most were children," said Secretary '
            "General Ana Petrov.")
    quotes = run(text, {**MARSH, "Ana Petrov": ["Secretary General Ana Petrov"]},
                 {"Relief Council": ("ORG", ["Relief Council"])})
    assert [q.speaker for q in quotes] == ["Lena Marsh", "Ana Petrov", "Ana Petrov"]


def test_role_description_is_not_a_differently_titled_newcomer(run: Run) -> None:
    text = ("Lena Marsh said the camps were full. The country's president told reporters that the "
            'border would reopen. "It will not," said analyst John Pike.')
    quotes = run(text, {**MARSH, "John Pike": ["analyst John Pike"]})
    assert quotes[1].speaker != "John Pike" and quotes[2].speaker == "John Pike"


# -- denials and plurals taking up an earlier mention (#14)
STATES = {"Ruritania": ("COUNTRY", ["Ruritania"]), "Borduria": ("COUNTRY", ["Borduria"])}


def test_claims_mistagged_as_a_verb_are_a_noun_cue_of_the_denier(nlp: Any) -> None:
    from sitrep.extract.quotes.cues import verb_cue

    text = ("The rebels also oppose foreign investment in the north. Both Ruritania and Borduria "
            "reject claims that their joint ventures are depriving ethnic Slavs of economic "
            "opportunities and their share in the province's mineral wealth.")
    claims = next(t for t in nlp(text) if t.lower_ == "claims")
    assert claims.pos_ == "VERB" and claims.dep_ == "dobj"  # the tagger's mistake this guards
    cue = verb_cue(claims)
    assert cue.speaker is not None and cue.speaker.text == "Ruritania"


def test_those_leaders_speak_for_where_the_leaders_before_were_placed(run: Run) -> None:
    text = ("Talks failed last week after the government placed blame on the leaders of Ruritania "
            "and Borduria. Those leaders have said they will no longer recognize the president.")
    (q,) = run(text, {}, STATES)
    assert q.speaker in {"Ruritania", "Borduria"}


def test_those_witnesses_are_still_nobody(run: Run) -> None:
    text = ("Witnesses saw the convoy leave before dawn. Those witnesses said the trucks carried "
            "soldiers from Ruritania.")
    (q,) = run(text, {}, STATES)
    assert q.speaker is None


# -- coordinated sources and findings (#14)
def test_unnamed_source_shares_the_report_with_a_lawmaker_named_next(run: Run) -> None:
    text = ("Gunmen stormed a hotel in the port on Tuesday, according to witnesses and a "
            "Ruritanian lawmaker. In an interview with reporters, federal lawmaker Piet Vasko "
            "said local elders were trapped inside.")
    quotes = run(text, {"Piet Vasko": ["Piet Vasko"]}, RURITANIA)
    assert [q.speaker for q in quotes] == ["Piet Vasko", "Piet Vasko"]


def test_witnesses_alone_are_still_nobody(run: Run) -> None:
    text = "Gunmen stormed a hotel in the port on Tuesday, according to witnesses and residents."
    (q,) = run(text, {}, RURITANIA)
    assert q.speaker is None


def test_findings_speak_for_whoever_shared_them(run: Run) -> None:
    text = "Intelligence shared by the Ruritanian Navy indicated the rebels had regrouped in the hills."
    (q,) = run(text, {}, NAVY)
    assert q.speaker == "Ruritanian Navy"


# -- subjects the parser hung inside a fronted clause; documents on documents (#14)
ACME = {"Acme Corp": ("ORG", ["Acme"])}


def test_statement_on_a_website_speaks_for_the_website_owner(run: Run) -> None:
    text = ('The company was founded in 1976. A statement on Acme\'s website, the homepage of which '
            'currently displays a photograph and the text "Ada Vance 1950-2011", states: '
            '"Acme has lost a visionary and creative genius."')
    quotes = run(text, {"Ada Vance": ["Ada Vance"]}, ACME)
    assert [q.speaker for q in quotes if q.kind == "direct"] == ["Acme Corp"]


def test_quotation_before_an_inverted_cue_keeps_the_named_speaker(run: Run) -> None:
    text = ('"The sanctions are waiting, and they are fundamentally important for the economy," '
            "warned Lena Marsh, a senior fellow at the council.")
    (q,) = run(text, MARSH)
    assert q.speaker == "Lena Marsh"


# -- attribution after the quotation (#14)
OZEL_MARSH = {"Lena Marsh": ["Lena Marsh"], "Soli Ozel": ["Soli Ozel"]}


def test_cue_after_a_quotation_whose_words_the_parser_took_for_its_subject(run: Run) -> None:
    text = ('Soli Ozel said the bases mattered. "Ankara will close the radar, not the air base. '
            'The warheads are a source of prestige..." and "one case that strengthens its position '
            'in NATO," tweeted Lena Marsh, a senior fellow.')
    quotes = run(text, OZEL_MARSH)
    assert [q.speaker for q in quotes] == ["Soli Ozel", "Lena Marsh", "Lena Marsh"]


def test_two_quotations_in_a_row_are_not_joined(run: Run) -> None:
    text = ('"Congress has become hostile," said Soli Ozel. "It is hard to understand." '
            '"The sanctions are waiting," warned Lena Marsh.')
    quotes = run(text, OZEL_MARSH)
    assert [q.speaker for q in quotes] == ["Soli Ozel", "Soli Ozel", "Lena Marsh"]
