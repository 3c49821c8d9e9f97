"""Publishers and model projects: models and pages.

The pages are wired by ``publishers.views.init_app``; this package imports nothing, so that
models of one domain can import another domain's models without importing its views.
"""
