"""sitrep query commands (being built)."""
