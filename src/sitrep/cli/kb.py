"""sitrep kb commands (being built)."""
