"""The rule API: everything a rule author imports (see ``factaudit.rules.api``)."""

from factaudit.rules.api import *  # noqa: F403
from factaudit.rules.api import __all__  # noqa: F401
