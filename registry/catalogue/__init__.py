"""The catalogue: the search projection of components, search, the home and search pages.

The pages are wired by ``catalogue.views.init_app``; this package imports nothing, so that
models of one domain can import another domain's models without importing its views.
"""
