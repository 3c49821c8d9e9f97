"""The change journal: every change to the registry, numbered by one global serial."""
