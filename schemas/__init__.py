"""The Smart City Standard as data: JSON Schema, profile rules, vocabularies, maturity model.

This package holds no code. Its files are read with :mod:`importlib.resources`:

- ``publiccode/publiccode.schema.json``: JSON Schema (2020-12) of publiccode.yml 0.x
- ``publiccode/smart-city-profile-1.0.yml``: the Smart City profile's rules
- ``maturity/model-1.0.yml``: the maturity model (levels, checks, thresholds, changelog) and
  ``maturity/model.schema.json``, the shape it is checked against
- ``vocab/``: categories, scopes, ``supports`` aliases, oEmbed URL schemes, iPA codes
"""
