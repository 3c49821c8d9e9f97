"""Components (one per canonical repository URL): models, queries, serialisation, pages, badges.

The pages are wired by ``components.views.init_app``; this package imports nothing, so that
models of one domain can import another domain's models without importing its views.
"""
