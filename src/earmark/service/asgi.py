"""The ASGI entry point for uvicorn: ``earmark.service.asgi:app`` (settings from EARMARK_*)."""

import gc

from earmark.service.app import create_app

app = create_app()
# The server's loaded data (the index, the lists: hundreds of thousands of objects kept for
# the process's life) out of the cyclic collector's reach; otherwise each full collection
# walks all of it while requests wait. bench/service.py, 50 clients, unlisted names:
# 3,509 -> 4,080-4,276 req/s, p99 27.8 -> 20.8-23.6 ms without recording.
gc.freeze()
