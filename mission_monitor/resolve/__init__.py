"""resolve stage: names, figures, money and dates as news writes them, to codes and values.

- :mod:`.actors`: states (pycountry + curated demonyms, capitals), organisations, officials;
- :mod:`.numbers`: "2,500", "1.2 million", "two hundred", "a dozen";
- :mod:`.money`: "$360 million", "Ksh28.7 billion (USD200 million)" -> ISO 4217;
- :mod:`.dates`: candidate spans -> "YYYY[-MM[-DD]]" at their precision, and comparisons
  (``precision``, ``date_start``, ``date_end``, ``at_or_before``).

Tables live in ``data/`` (see its README). Modules are imported on use, not here.
"""
