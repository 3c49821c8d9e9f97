"""Alembic migrations of the registry's database; run them with ``kataster db upgrade``.

:mod:`registry.db` configures Alembic from code (``upgrade``, ``downgrade``, ``current``,
``check``), so an installed Kataster migrates without an ini file. For writing a migration,
``registry/alembic.ini`` points Alembic's own command line here::

    KATASTER_DATABASE_URL=sqlite:////tmp/k.db alembic -c registry/alembic.ini upgrade head
    KATASTER_DATABASE_URL=sqlite:////tmp/k.db alembic -c registry/alembic.ini \\
        revision --autogenerate -m "What the migration does"

Every migration is reviewed code: one-line message, the backward-compatibility note of the
template, batch operations (SQLite copies tables to alter them).
"""
