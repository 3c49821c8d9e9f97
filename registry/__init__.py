"""Kataster's registry: the Flask catalogue, its storage and its command line.

Subpackages and modules:

- :mod:`registry.cli`: the ``kataster`` command (validate; later harvest, serve, demo)
- :mod:`registry.app`: the Flask application factory ``create_app``
- :mod:`registry.health`: the ``/healthz`` endpoint

Nothing is imported here, so the command line starts without loading Flask.
"""
