"""Public, read-only pages; one module per page family, query logic lives elsewhere."""
