"""Commands registered on the shared app (placeholder until its owner fills it)."""
