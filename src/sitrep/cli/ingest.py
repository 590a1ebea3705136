"""sitrep ingest commands (being built)."""
