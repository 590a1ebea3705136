"""jsonl exporter (being built)."""
