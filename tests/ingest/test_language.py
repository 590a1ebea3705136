from __future__ import annotations

import pytest

from sitrep.ingest.language import clearly_english, detect_language

EN = ("Belarus said on Sunday that it planned to buy more than a billion dollars of weapons from "
      "Russia by 2025, as the two countries held large military exercises near the border with "
      "Poland and the Baltic states, which have raised concern in the European Union.")
SAMPLES = {
    "fr": ("Le président a déclaré dimanche que le pays prévoyait d'acheter pour un milliard de dollars "
           "d'armes russes alors qu'il supervisait des manœuvres militaires massives menées par Moscou."),
    "de": ("Der Staatschef hat am Sonntag gesagt, das Land plane den Kauf russischer Waffen im Wert von "
           "einer Milliarde Dollar, während er massive Militärübungen beaufsichtigte."),
    "es": ("El líder dijo el domingo que el país planea comprar armas rusas por valor de mil millones de "
           "dólares mientras supervisaba unas maniobras militares masivas dirigidas por Moscú."),
    "ru": ("Президент заявил в воскресенье, что страна планирует закупить у России вооружения на сумму "
           "более миллиарда долларов, наблюдая за масштабными военными учениями."),
}


def test_english_takes_the_fast_path():
    assert clearly_english(EN)
    assert detect_language(EN) == "en"


@pytest.mark.parametrize(("code", "text"), SAMPLES.items())
def test_other_languages_go_to_langdetect(code, text):
    assert not clearly_english(text)
    assert detect_language(text) == code


def test_same_answer_every_time():
    mixed = "Minsk Moscow Kyiv 2021 NATO EU " * 3
    assert len({detect_language(mixed) for _ in range(5)}) == 1


@pytest.mark.parametrize("text", ["abc", "Explosion hits Kabul mosque, 12 dead", "Ceasefire collapses"])
def test_too_few_words_leave_the_language_undecided(text):
    assert detect_language(text) is None


def test_a_short_foreign_sentence_of_eight_words_is_still_detected():
    assert detect_language("Die Armee hat am Montag die Grenze überschritten.") == "de"
