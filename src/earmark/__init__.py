"""earmark: an export-control compliance engine for the US Export Administration Regulations."""

__version__ = "0.1.0"
