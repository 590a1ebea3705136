"""Extract stages, each a plain function over the parsed article, registered by name.

Importing this package registers every stage with :data:`sitrep.registry.stages`.
"""

from sitrep.extract import entities, events, quotes, timex  # noqa: F401  (registration)
