"""``extract`` and ``eval``: placeholder until the extraction commands land."""
