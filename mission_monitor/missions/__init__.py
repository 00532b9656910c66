"""Bundled mission definitions (YAML data; see mss_haiti.yaml for the keys)."""
