"""The "check your publiccode.yml" page: the validator for everyone, in the browser.

The pages are wired by ``publiccode.views.init_app``; this package imports nothing, so that
models of one domain can import another domain's models without importing its views.
"""
