"""The HTML discrepancy report (``factaudit report``, ``pytest --factaudit-report``)."""

from factaudit.report.html.data import Changes
from factaudit.report.html.render import DEFAULT_NAME, build_report, write_report

write = write_report

__all__ = ["DEFAULT_NAME", "Changes", "build_report", "write", "write_report"]
