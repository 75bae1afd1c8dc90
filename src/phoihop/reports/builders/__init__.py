"""Builders gather a report's figures, listings and narrative into a frozen `ReportData`; renderers only read it."""

from phoihop.reports.builders.annual import build_report_data
from phoihop.reports.builders.data import Figure, ReportData

__all__ = ["Figure", "ReportData", "build_report_data"]
