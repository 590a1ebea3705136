"""sipri exporter (being built)."""
