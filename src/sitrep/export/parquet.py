"""parquet exporter (being built)."""
