"""earmark.screening: restricted-party screening as of a date, with explanations."""

from earmark.screening.screen import DEFAULT_THRESHOLD, Match, Screener, ScreeningResult

__all__ = ["DEFAULT_THRESHOLD", "Match", "Screener", "ScreeningResult"]
