"""Where earmark keeps the user's files: the store and the list versions the user loaded.

``$EARMARK_DATA_DIR`` when set, else the platform's user data directory (platformdirs).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_DIR = "EARMARK_DATA_DIR"


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    base = (os.environ if environ is None else environ).get(ENV_DIR)
    if base:
        return Path(base)
    from platformdirs import user_data_dir

    return Path(user_data_dir("earmark", appauthor=False))
