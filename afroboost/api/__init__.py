"""HTTP routes mounted through `api_transformer` (everything under /api)."""
