"""Kataster's registry: the Flask catalogue, its storage and its command line.

Subpackages and modules:

- :mod:`registry.cli`: the ``kataster`` command (validate, harvest, report, db)
- :mod:`registry.config`: the ``KATASTER_`` settings, read once
- :mod:`registry.db`: the declarative base, engines, sessions and the Alembic helpers
  (:mod:`registry.migrations`)
- :mod:`registry.publishers`: publishers and their members
- :mod:`registry.components`: components, their aliases and releases
- :mod:`registry.harvest`: harvest runs, harvests, findings, check results; ingest and the run
- :mod:`registry.journal`: the change journal (a global serial)
- :mod:`registry.app`: the Flask application factory ``create_app``
- :mod:`registry.health`: the ``/healthz`` endpoint

Nothing is imported here, so the command line starts without loading Flask.
"""
