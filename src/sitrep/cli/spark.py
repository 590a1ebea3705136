"""sitrep spark commands (being built)."""
