"""The ASGI entry point for uvicorn: ``earmark.service.asgi:app`` (settings from EARMARK_*)."""

from earmark.service.app import create_app

app = create_app()
