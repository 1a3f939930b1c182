"""The HTML discrepancy report (``factaudit report``, ``pytest --factaudit-report``)."""

from factaudit.report.html.render import DEFAULT_NAME, build_report, write_report

write = write_report

__all__ = ["DEFAULT_NAME", "build_report", "write", "write_report"]
