"""earmark.service: the HTTP API (``/v1``) and the web UI over the same library and store.

``create_app(settings)`` builds the FastAPI application around one :class:`Runtime` per
process (regulatory data, screener, engine and store, loaded once). ``earmark serve`` runs it
with uvicorn.
"""

from earmark.service.app import create_app
from earmark.service.runtime import Runtime, Settings

__all__ = ["Runtime", "Settings", "create_app"]
