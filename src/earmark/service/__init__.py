"""earmark.service: the HTTP API (``/v1``) and the web UI over the same library and store.

``create_app(settings)`` builds the FastAPI application around this process's
:class:`~earmark.runtime.Runtime` (regulatory data, screener, engine and store, loaded once,
the same object the batch jobs use). ``earmark serve`` runs it with uvicorn.
"""

from earmark.runtime import Runtime, Settings
from earmark.service.app import create_app

__all__ = ["Runtime", "Settings", "create_app"]
