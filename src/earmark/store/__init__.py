"""earmark.store: the record store (SQLAlchemy Core, SQLite or PostgreSQL) and its audit trail.

Light on purpose: the command line imports it at start-up; the modules below load SQLAlchemy.
"""

MAX_ID = 2**63 - 1  # the largest id an integer column holds (SQLite and PostgreSQL bigint)
