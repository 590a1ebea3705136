"""csvfile exporter (being built)."""
