"""factaudit's built-in rules: one module per rule, each with a YAML file of examples.

Each module defines ``RULE`` and is registered in pyproject.toml under the entry-point
group ``factaudit.checks`` (the same way a third-party package adds its own rules).
"""
