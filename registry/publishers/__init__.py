"""Publishers: the organisations that publish code (model projects, municipalities, vendors)."""
