"""Reference data of the entity stage (tables and lexicons); see SOURCES.md."""
