"""sitrep serve commands (being built)."""
