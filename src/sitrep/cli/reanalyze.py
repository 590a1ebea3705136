"""sitrep reanalyze commands (being built)."""
