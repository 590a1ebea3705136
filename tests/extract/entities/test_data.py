"""The shipped reference tables: well-formed, broad, and right on a checked sample."""

from __future__ import annotations

from importlib import resources

import pytest

from sitrep.extract.entities import gazetteer, leaders

HEAD_ROLES = ("President", "Prime Minister", "King", "Queen", "Emir", "Sultan", "Chancellor", "Premier",
              "Supreme Leader", "Taoiseach", "Pope", "Prince", "Chief Adviser", "Chair", "Chairman",
              "Emperor", "General Secretary")


def test_every_table_has_a_source_note():
    files = {p.name for p in resources.files(gazetteer.DATA).iterdir()}
    notes = resources.files(gazetteer.DATA).joinpath("SOURCES.md").read_text(encoding="utf-8")
    for name in files:
        if name.endswith(".tsv"):
            assert f"`{name}`" in notes, f"{name} has no entry in SOURCES.md"


def test_every_country_has_a_head_of_state_or_government():
    gz = gazetteer.load()
    rows = [r for rs in leaders.table().values() for r in rs]
    heads = {r.country for r in rows if r.role.startswith(HEAD_ROLES)}
    current = [c for c in gz.by_iso.values()]
    missing = [c.name for c in current if c.name not in heads and c.name != "San Marino"]
    assert len(gz.by_iso) >= 195
    assert not missing, missing


def test_leader_rows_are_well_formed():
    gz = gazetteer.load()
    orgs = {e.name for forms in gz.forms.values() for _k, e in forms if e.type in ("ORG", "BLOC")}
    for rows in leaders.table().values():
        for r in rows:
            assert r.country in gz.countries or r.country in orgs, r
            assert r.start is None or r.end is None or r.start <= r.end, r
            assert r.kb_id is None or r.kb_id.startswith("Q"), r


@pytest.mark.parametrize(
    ("form", "year", "name", "role"),
    [
        ("Putin", 2021, "Vladimir Putin", "President of Russia"),
        ("Angela Merkel", 2010, "Angela Merkel", "Chancellor of Germany"),
        ("Medvedev", 2010, "Dmitry Medvedev", "President of Russia"),
        ("Medvedev", 2015, "Dmitry Medvedev", "Prime Minister of Russia"),
        ("Narendra Modi", 2020, "Narendra Modi", "Prime Minister of India"),
        ("Antony Blinken", 2022, "Antony Blinken", "Secretary of State of the United States"),
    ],
)
def test_leader_sample(form, year, name, role):
    row = leaders.lookup([form], year, {"Russia", "Germany", "India", "United States"}, None)
    assert row is not None and row.name == name and row.role_title() == role


@pytest.mark.parametrize(
    ("form", "name", "kind"),
    [("Polish", "Poland", "adjective"), ("Kremlin", "Russia", "seat"), ("SA-21", "S-400", "name"),
     ("EU", "European Union", "name"), ("Minsk", "Minsk", "capital"), ("USSR", "Soviet Union", "name")],
)
def test_gazetteer_sample(form, name, kind):
    assert (kind, name) in {(k, e.name) for k, e in gazetteer.load().lookup(form)}


def test_country_codes_are_iso_3166():
    import pycountry

    gz = gazetteer.load()
    unknown = [iso for iso in gz.by_iso if pycountry.countries.get(alpha_2=iso) is None]
    assert unknown == ["XK"]  # Kosovo: a user-assigned code, not in ISO 3166-1


def _org_rows() -> list[list[str]]:
    return [(r + [""] * 6)[:6] for r in gazetteer.rows("organizations.tsv")]


def test_organization_rows_are_well_formed():
    import pycountry

    for name, typ, kb, _aliases, country, _category in _org_rows():
        assert typ in ("ORG", "BLOC", "MILITARY_UNIT"), name
        assert not kb or kb.startswith("Q"), name
        assert not country or country == "XK" or pycountry.countries.get(alpha_2=country), (name, country)


def test_no_organization_surface_form_names_two_rows():
    seen: dict[str, str] = {}
    clashes = []
    for name, _typ, _kb, aliases, _country, _category in _org_rows():
        for form in {name, *gazetteer.split(aliases)}:
            if seen.setdefault(form, name) != name:
                clashes.append((form, seen[form], name))
    assert not clashes, clashes


def test_organization_sample():
    gz = gazetteer.load()
    for form, name in [("Bernama", "Bernama"), ("ECOWAS", "Economic Community of West African States"),
                       ("RSF", "Rapid Support Forces"), ("MSF", "Doctors Without Borders"),
                       ("Roketsan", "Roketsan"), ("ISKP", "Islamic State Khorasan Province")]:
        assert name in {e.name for _k, e in gz.lookup(form)}, form


def test_no_weapon_surface_form_names_two_rows():
    seen: dict[str, str] = {}
    clashes = []
    for row in gazetteer.rows("weapons.tsv"):
        name, aliases = [*row, "", ""][:2]
        for form in {name, *gazetteer.split(aliases)}:
            if seen.setdefault(form, name) != name:
                clashes.append((form, seen[form], name))
    assert not clashes, clashes


@pytest.mark.parametrize(
    ("form", "name"),
    [("KC-390", "C-390 Millennium"), ("Type 039", "Type 039 submarine"), ("Kizilelma", "Bayraktar Kizilelma"),
     ("A400M", "A400M"), ("Project 636", "Kilo-class submarine"), ("PULS", "PULS")],
)
def test_weapon_sample(form, name):
    found = {(k, e.name) for k, e in gazetteer.load().lookup(form) if e.type == "WEAPON_SYSTEM"}
    assert ("name", name) in found


def test_weapon_table_size_and_columns():
    # at least 1,000 distinct systems, each with a category; a row naming its maker names its origin
    rows = list(gazetteer.rows("weapons.tsv"))
    assert len({r[0] for r in rows}) == len(rows) >= 1000
    assert all(len(r) >= 3 and r[2] for r in rows), [r[0] for r in rows if len(r) < 3 or not r[2]]
    made = [r for r in rows if len(r) > 4 and r[4]]
    assert made and all(r[3] for r in made), [r[0] for r in made if not r[3]]
    assert all(not r[5].strip() or r[5].startswith("Q") for r in rows if len(r) > 5)


@pytest.mark.parametrize(
    ("form", "name", "maker"),
    [("Bell 407GXi", "Bell 407", "Bell"), ("M88A2", "M88 Hercules", "BAE Systems"),
     ("SA-7", "9K32 Strela-2", "KBM"), ("Hsiung Feng III", "Hsiung Feng III", "NCSIST")],
)
def test_weapon_maker_sample(form, name, maker):
    found = [e for _k, e in gazetteer.load().lookup(form) if e.type == "WEAPON_SYSTEM"]
    assert found and found[0].name == name and found[0].attrs().get("maker") == maker
