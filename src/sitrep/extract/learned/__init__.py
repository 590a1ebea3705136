"""A learned check on the rule-based events (issue 15, point 4).

The rules (:mod:`sitrep.extract.events`) find an event wherever a trigger of their
lexicons has the arguments its type asks for; many of those are not events a careful
analyst records (a verb in a hypothetical, an attack word used of a speech). A small
logistic model over what the event's clause shows (its trigger's lemma, part of speech
and syntax, the content words and entity kinds of its sentence, the kinds of its
arguments) gives the probability that the event is one the gold records; an event
below the threshold is dropped. It is trained by ``scripts/train_event_types.py`` on
dev splits only and shipped as ``sitrep/models/event_types/weights.json``; the
``learned_events`` setting turns it on (docs/accuracy.md "Rules vs learned events").
"""
