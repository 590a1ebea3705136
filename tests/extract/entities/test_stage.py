"""Behaviour of the entity stage on short made-up news sentences."""

from __future__ import annotations

import pytest
from tests.extract.entities.conftest import entity_with


@pytest.mark.parametrize(
    ("text", "mention", "etype", "name"),
    [
        ("Warsaw introduced a state of emergency on Friday.", "Warsaw", "COUNTRY", "Poland"),
        ("The Kremlin said the talks went well.", "The Kremlin", "COUNTRY", "Russia"),
        ("Washington warned Tehran against new tests.", "Washington", "COUNTRY", "United States"),
        ("The leaders met in Ankara on Monday.", "Ankara", "CITY", "Ankara"),
        ("Putin arrived in the Belarusian capital Minsk.", "Minsk", "CITY", "Minsk"),
        ("Kyiv has had to lean on Washington for arms.", "Washington", "COUNTRY", "United States"),
        ("Hungarian officials objected.", "Hungarian", "COUNTRY", "Hungary"),
    ],
)
def test_capitals_demonyms_and_seats(entities_of, text, mention, etype, name):
    e = entity_with(entities_of(text), mention)
    assert e is not None, f"{mention!r} not found"
    assert (e.type, e.name) == (etype, name)


def test_ministry_gets_canonical_name_and_country(entities_of):
    ents = entities_of("The Ukrainian Defence Ministry said two drones were shot down.")
    e = entity_with(ents, "Ukrainian Defence Ministry")
    assert e is not None and e.name == "Ministry of Defence of Ukraine" and e.type == "ORG"
    assert e.attributes["country"] == "Ukraine"
    assert entity_with(ents, "Ukrainian").name == "Ukraine"  # the country, nested


@pytest.mark.parametrize(
    ("text", "mention", "name", "category"),
    [
        ("Turkey took delivery of S-400 Triumf batteries.", "S-400 Triumf", "S-400",
         "surface-to-air missile system"),
        ("Kyiv asked for more HIMARS and F-16s.", "F-16s", "F-16", "multirole fighter"),
        ("Germany sent a Patriot air defense system.", "Patriot", "Patriot", "surface-to-air missile system"),
    ],
)
def test_weapons_by_designation_alias_and_plural(entities_of, text, mention, name, category):
    e = entity_with(entities_of(text), mention)
    assert e is not None and e.type == "WEAPON_SYSTEM"
    assert e.name == name and e.attributes["category"] == category


def test_plain_word_weapon_needs_a_cue(entities_of):
    ents = entities_of("Patriot fans cheered as the Tor network went down.")
    assert all(e.type != "WEAPON_SYSTEM" for e in ents)


def test_surname_links_to_full_name_and_title_gives_role(entities_of):
    text = ("Lithuanian President Gitanas Nauseda met reporters on Monday. "
            "Nauseda said the border would stay closed.")
    ents = entities_of(text, published="2023-05-02")
    people = [e for e in ents if e.type == "PERSON"]
    assert len(people) == 1
    p = people[0]
    assert p.name == "Gitanas Nauseda"
    assert p.attributes["role"] == "President of Lithuania"
    texts = {m.text for m in p.mentions}
    assert {"Lithuanian President Gitanas Nauseda", "Gitanas Nauseda", "Nauseda"} <= texts


def test_leader_table_fills_what_the_text_omits(entities_of):
    ents = entities_of("Kenyan leader William Ruto will travel to Addis Ababa.", published="2024-01-10")
    p = entity_with(ents, "William Ruto")
    assert p is not None
    assert p.attributes["role"] == "President of Kenya"


def test_pipeline_works_without_the_leader_table(entities_of, monkeypatch):
    from sitrep.extract.entities import leaders

    monkeypatch.setattr(leaders, "table", lambda: {})
    ents = entities_of("Estonian Prime Minister Kaja Kallas said she would attend.")
    p = entity_with(ents, "Kaja Kallas")
    assert p is not None and p.attributes["role"] == "Prime Minister of Estonia" and p.kb_id is None


def test_pronouns_and_descriptions_resolve_to_the_salient_person(entities_of):
    text = ("Serbian President Aleksandar Vucic visited the troops on Sunday. "
            "He praised their readiness, and the Serbian president said his country would stay neutral. "
            "The strongman has ruled since 2017.")
    ents = entities_of(text)
    p = entity_with(ents, "Aleksandar Vucic")
    mentions = {m.text for m in p.mentions}
    assert {"He", "his", "the Serbian president", "The strongman"} <= mentions


def test_description_respects_the_country_modifier(entities_of):
    text = ("Finnish President Alexander Stubb met Polish President Andrzej Duda in Helsinki. "
            "The Finnish president said the talks were useful.")
    ents = entities_of(text)
    assert entity_with(ents, "The Finnish president").name == "Alexander Stubb"


def test_a_span_belongs_to_one_entity(entities_of):
    text = ("Russian Defence Minister Sergei Shoigu and Belarusian Defence Minister Viktor Khrenin "
            "met in Minsk. Shoigu said Moscow would send more troops.")
    owners: dict[tuple, set[str]] = {}
    for e in entities_of(text):
        for m in e.mentions:
            owners.setdefault((m.start, m.end), set()).add(e.id)
    assert all(len(v) == 1 for v in owners.values())


def test_byline_entities_have_no_offsets_and_the_outlet_is_no_entity(entities_of):
    ents = entities_of("Troops crossed the border.", authors=["Jane Roe"], agency="Reuters",
                       outlet="The Moscow Times", url="https://www.themoscowtimes.com/2021/09/13/x")
    names = {e.name: e for e in ents}
    assert names["Jane Roe"].mentions[0].start is None and names["Jane Roe"].mentions[0].field == "byline"
    assert names["Reuters"].type == "ORG"
    assert "The Moscow Times" not in names  # the publisher: article.outlet, not a thing the text names


def test_acronym_joins_full_name():
    from sitrep.extract.entities.aliases import merge_acronyms
    from sitrep.extract.entities.clusters import Cluster, MentionSpan

    full = Cluster("ORG:kdp", "Kurdistan Democratic Party", "ORG", mentions=[MentionSpan(0, 26, "x")])
    short = Cluster("ORG:k", "KDP", "ORG", mentions=[MentionSpan(40, 43, "KDP")])
    merged = merge_acronyms([full, short])
    assert merged == [full] and len(full.mentions) == 2


@pytest.mark.parametrize(
    ("text", "name", "role", "description"),
    [
        ("Mateusz Morawiecki, Poland's prime minister, said Warsaw would respond.", "Mateusz Morawiecki",
         "Prime Minister of Poland", "Poland's prime minister"),
        ("Sarah Jones, a senior researcher at Human Rights Watch, said the strikes were unlawful.",
         "Sarah Jones", "Senior researcher at Human Rights Watch",
         "a senior researcher at Human Rights Watch"),
    ],
)
def test_appositive_gives_role_and_description(entities_of, text, name, role, description):
    p = entity_with(entities_of(text, published="2021-01-01"), name)
    assert p is not None and p.attributes["role"] == role
    assert description in {m.text for m in p.mentions}


def test_place_inside_an_organization_name(entities_of):
    ents = entities_of("The Kurdistan Regional Government rejected the plan.")
    org = entity_with(ents, "Kurdistan Regional Government")
    assert org is not None and org.type == "ORG"


def test_two_leaders_is_a_group_not_a_mention():
    from sitrep.config import Settings
    from sitrep.extract.entities import find_entities
    from sitrep.model import Article
    from sitrep.pipeline import Pipeline, StageContext

    pipe = Pipeline(Settings(stages=("entities",)))
    text = "Putin met Erdogan in Sochi on Friday. The two leaders discussed grain exports."
    article = Article(text=text, published="2022-08-05")
    ctx = StageContext(article=article, doc=pipe.nlp(text), settings=pipe.settings)
    ents = {e.id: e.name for e in find_entities(ctx)}
    groups = ctx.shared["entity_groups"]
    assert len(groups) == 1 and groups[0]["text"] == "The two leaders"
    assert {ents[i] for i in groups[0]["members"]} == {"Vladimir Putin", "Recep Tayyip Erdoğan"}


def test_city_found_by_spacy_gets_its_country(entities_of):
    e = entity_with(entities_of("Fighting continued near Mosul on Tuesday."), "Mosul")
    assert e is not None and e.type == "CITY" and e.attributes.get("country") == "Iraq"


def test_eval_names_a_bad_path(tmp_path):
    from sitrep.errors import InputError
    from sitrep.eval.entity_corpora import run_entity_eval

    with pytest.raises(InputError, match="not a directory"):
        run_entity_eval("re3d", tmp_path / "missing")
    with pytest.raises(InputError, match="unknown corpus"):
        run_entity_eval("conll", tmp_path)


def test_titles_with_of_and_role_synonyms(entities_of):
    text = ("Secretary of State Antony Blinken told lawmakers the deal was sound. "
            "The top U.S. diplomat said Riyadh had agreed to safeguards.")
    ents = entities_of(text, published="2023-03-01")
    p = entity_with(ents, "Antony Blinken")
    assert p.attributes["role"].startswith("Secretary of State")
    assert "The top U.S. diplomat" in {m.text for m in p.mentions}
    assert all(e.name != "State" for e in ents)


def test_dateline_in_capitals_is_the_city(entities_of):
    ents = entities_of("WASHINGTON (Reuters) - The United States approved the sale on Thursday.")
    e = entity_with(ents, "WASHINGTON")
    assert e is not None and e.type == "CITY" and e.name == "Washington"


def test_the_kingdom_is_the_country(entities_of):
    ents = entities_of("Saudi Arabia welcomed the decision. The kingdom has sought the jets for years.")
    assert entity_with(ents, "The kingdom").name == "Saudi Arabia"


def test_person_tag_after_a_locative_preposition_is_a_place(entities_of):
    ents = entities_of("Near Palmyra, coalition aircraft struck an ISIL position.")
    e = entity_with(ents, "Palmyra")
    assert e is not None and e.type in ("CITY", "REGION")


def test_short_name_linked_by_the_table_joins_the_full_name(entities_of):
    text = "Kim Jong Un oversaw the launch in North Korea. Kim said more tests would follow."
    people = [e for e in entities_of(text, published="2023-07-12") if e.type == "PERSON"]
    assert [p.name for p in people] == ["Kim Jong Un"]


@pytest.mark.parametrize("name", ["Victoria Nuland", "Michael Jordan"])
def test_place_word_inside_a_person_name(entities_of, name):
    e = entity_with(entities_of(f"{name} said on Tuesday that talks would resume."), name)
    assert e is not None and e.type == "PERSON"


def test_former_title_and_description_with_of_country(entities_of):
    text = ("Russia's President Vladimir Putin met former President Donald Trump's envoy. "
            "U.S. President Joe Biden said the president of Russia could not be trusted. "
            "The president added that sanctions would stay.")
    ents = entities_of(text, published="2023-04-01")
    assert entity_with(ents, "Donald Trump").attributes["role"] == "Former President of the United States"
    assert entity_with(ents, "the president").name == "Vladimir Putin"
    assert entity_with(ents, "The president").name == "Joe Biden"


def test_bare_the_two_is_a_group():
    from sitrep.config import Settings
    from sitrep.extract.entities import find_entities
    from sitrep.model import Article
    from sitrep.pipeline import Pipeline, StageContext

    pipe = Pipeline(Settings(stages=("entities",)))
    text = "Putin is expected in Minsk on Nov. 4, and Lukashenko said the two would also hold talks."
    ctx = StageContext(article=Article(text=text, published="2021-09-13"), doc=pipe.nlp(text),
                       settings=pipe.settings)
    names = {e.id: e.name for e in find_entities(ctx)}
    (group,) = ctx.shared["entity_groups"]
    assert group["text"] == "the two"
    assert {names[i] for i in group["members"]} == {"Alexander Lukashenko", "Vladimir Putin"}


@pytest.mark.parametrize(
    ("text", "etype"),
    [("Taiwan will not bow to pressure from Beijing.", "COUNTRY"),
     ("The envoy flew home from Beijing on Monday.", "CITY")],
)
def test_from_a_capital(entities_of, text, etype):
    e = entity_with(entities_of(text), "Beijing")
    assert e is not None and e.type == etype


def test_the_whole_phrase_before_a_name_is_a_mention(entities_of):
    ents = entities_of("Veteran maritime law expert Jonas Ferrante said the ruling was flawed.")
    e = entity_with(ents, "Jonas Ferrante")
    assert e is not None and entity_with(ents, "Veteran maritime law expert Jonas Ferrante") is e


def test_premodifiers_stop_at_a_new_phrase(entities_of):
    ents = entities_of("It was a claim Brazilian navy spokesman Otavio Prates denied on Monday.")
    e = entity_with(ents, "Otavio Prates")
    assert e is not None
    assert all(not m.text.startswith("claim") for m in e.mentions)


@pytest.mark.parametrize(
    ("text", "mention", "etype"),
    [
        ("The deal is a challenge to Ottawa, analysts said.", "Ottawa", "COUNTRY"),
        ("Talks between Ottawa and Canberra resumed.", "Ottawa", "COUNTRY"),
        ("The minister flew to Ottawa on Monday.", "Ottawa", "CITY"),
        ("It is for either Ottawa or Canberra to decide.", "Ottawa", "COUNTRY"),
    ],
)
def test_capital_related_to_another_actor_is_the_state(entities_of, text, mention, etype):
    e = entity_with(entities_of(text), mention)
    assert e is not None and e.type == etype


def test_alias_after_known_as_is_the_same_person(entities_of):
    text = ("Omar Haddad Karimi, also known as Abu Tariq, led the cell. "
            "Abu Tariq was arrested in March.")
    ents = entities_of(text)
    e = entity_with(ents, "Omar Haddad Karimi")
    assert e is not None and entity_with(ents, "Abu Tariq") is e


def test_surname_with_arabic_article_or_curly_apostrophe_links(entities_of):
    text = "Prime Minister Jaafar Hadi al-Nouri spoke on Monday. Nouri said the talks would go on."
    ents = entities_of(text)
    assert entity_with(ents, "Nouri") is entity_with(ents, "Jaafar Hadi al-Nouri")


def test_nationality_capital_is_that_capital(entities_of):
    ents = entities_of("Talks were held in Nairobi. Delegates left the Kenyan capital on Friday.")
    assert entity_with(ents, "the Kenyan capital") is entity_with(ents, "Nairobi")


def test_country_description_with_modifiers(entities_of):
    ents = entities_of("Fiji signed the pact. The Pacific island nation will host the next round.")
    assert entity_with(ents, "The Pacific island nation") is entity_with(ents, "Fiji")


def test_weapon_phrase_takes_in_the_country_before_it(entities_of):
    ents = entities_of("Greek F-16 jets intercepted the drones.")
    e = entity_with(ents, "Greek F-16 jets")
    assert e is not None and e.name == "F-16"
    assert entity_with(ents, "Greek").name == "Greece"


def test_appositive_description_stops_at_a_relative_clause(entities_of):
    text = "Lena Vortman, a senior fellow at the Halden Institute who studied the region, said it was over."
    ents = entities_of(text)
    e = entity_with(ents, "Lena Vortman")
    assert e is not None
    assert entity_with(ents, "a senior fellow at the Halden Institute") is e
    assert entity_with(ents, "a senior fellow") is e


def test_faiths_peoples_and_languages_are_not_entities(entities_of):
    ents = entities_of("The gunmen freed the Baloch passengers and questioned Hazara Shi’ite Muslims "
                       "in Quetta. Most of them spoke Punjabi and Saraiki, and all were converts to Islam.")
    names = {e.name for e in ents}
    assert not names & {"Baloch", "Hazara Shi’ite Muslims", "Punjabi and Saraiki", "Islam"}
    assert "Quetta" in names


def test_a_named_publication_is_an_other_entity(entities_of):
    ents = {e.name: e for e in entities_of(
        "Deaths rose by a third in 2024, the Northern Conflict Barometer 2025 said on Wednesday.")}
    pub = ents["Northern Conflict Barometer 2025"]
    assert pub.type == "OTHER" and pub.attributes.get("category") == "publication"
