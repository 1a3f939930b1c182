"""factaudit: audit a corpus of documents against declarative YAML claims."""

# the same as pyproject.toml's version (a test checks): importlib.metadata would cost
# every start of the command a tenth of a second
__version__ = "0.2.0"

__all__ = ["__version__"]
