"""sitrep eval commands (being built)."""
