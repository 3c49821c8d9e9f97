"""Kataster's harvester: from a repository's files to neutral, evidenced judgements.

The harvester knows nothing of Flask or the database; the registry imports its public API.
Subpackages:

- :mod:`harvester.publiccode`: parse and validate publiccode.yml (reference validator rules
  plus the Smart City profile)
"""
