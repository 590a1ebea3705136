"""Extract stages: each a package of plain functions over the parsed article, and a
component class (its ``stage`` module) that the pipeline builds once and calls.

:data:`sitrep.extract.stages.STAGES` is the one ordered list of stages. This package
imports nothing itself, so a light module of a stage (a lexicon) loads without spaCy.
"""
