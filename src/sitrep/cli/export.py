"""sitrep export commands (being built)."""
