"""What the user gives factaudit: configuration, claims (claims, entities and terms, one
``Item`` protocol) and the corpus (discovered as Sources, read into Documents)."""
