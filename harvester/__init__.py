"""Kataster's harvester: from a repository's files to neutral, evidenced judgements.

The harvester knows nothing of Flask or the database; the registry imports its public API.
The stages, in the order data flows through them:

- :mod:`harvester.sources`: sources files (publishers and their code hosting), the default
  list of the 73 Modellprojekte Smart Cities
- :mod:`harvester.forges`: one client per code host behind the ``ForgeClient`` protocol
  (GitHub, GitLab/OpenCoDE, Gitea/Forgejo, plain git)
- :mod:`harvester.discover`: code hosting to the repositories to harvest
- :mod:`harvester.git`: the git command-line tool: ls-remote, blobless clones, the object store
- :mod:`harvester.inspect`: the tree at HEAD, the README, the history
- :mod:`harvester.publiccode`: parse and validate publiccode.yml (reference validator rules
  plus the Smart City profile)
- :mod:`harvester.licences`: licence texts, manifest licences, every source compared
- :mod:`harvester.maturity`: the maturity checks, the scoring and the health figures
- :mod:`harvester.pipeline`: sequences one repository's harvest into a record
- :mod:`harvester.records`: the neutral record types between the stages and the registry
- :mod:`harvester.urls`, :mod:`harvester.versions`: repository URLs and version tags
"""
