"""gdelt exporter (being built)."""
