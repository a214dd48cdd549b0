"""Benchmark: the HTTP service under concurrent clients, against the in-process library call.

    .venv/bin/python bench/service.py [--clients 50] [--seconds 10] [--server-cpu 1]

What is measured, in one run:

1. Baselines: "library", ``Screener.screen`` and ``Engine.check`` called in this process, one
   at a time (the work a request does, without HTTP, JSON or the store); "server floor", a
   bare ASGI callable that answers a constant (uvicorn's own cost per request); "framework
   floor", a FastAPI route that parses the same body and answers a constant.
2. ``earmark serve`` (uvicorn, one worker) started on loopback on its own core (``taskset``),
   on a fresh SQLite store, driven by ``--clients`` concurrent keep-alive clients for
   ``--seconds`` each, on another core: ``POST /v1/screen`` and ``POST /v1/check``, with
   ``record`` false and then true (each screening or decision written with its audit row).

Prints throughput, p50 and p99 per case, the ratios to the library call, and the client's own
CPU time (the driver, on uvloop as the server is, shares nothing with the server but the
loopback). Closed loop: each client sends its next request when the answer to the last
arrives, so at N clients latency is about N / throughput.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import Response
from pydantic import BaseModel

NAMES = [
    "华为技术有限公司",
    "Huawei Technologies Co., Ltd.",
    "Acme Widgets Inc.",
    "Rosoboronexport",
    "Газпром нефть",
    "Beijing Tea House Ltd.",
    "Mohammad Ali Trading LLC",
    "Siemens AG",
    "Hikvision Digital Technology",
    "Semiconductor Manufacturing International Corporation",
]
# Names most screenings see: parties that are on no list (a customer file), cheap to screen.
CLEAN = [
    "Acme Widgets Inc.",
    "Siemens AG",
    "Nordic Timber Products AB",
    "Blue River Logistics LLC",
    "Maple Leaf Dental Supplies",
    "Sunrise Bakery GmbH",
    "Harbor View Consulting",
    "Andes Copper Traders SA",
    "Kestrel Software Ltd",
    "Lakeside Printing Co.",
]
CASE: dict[str, Any] = {
    "id": "bench",
    "date": "2019-05-20",
    "activity": "export",
    "from_country": "US",
    "destination": "CN",
    "item": {"description": "power supply", "kind": "commodity", "eccn": "EAR99", "origin": "US"},
    "parties": [
        {"role": "ultimate_consignee", "name": "Huawei Technologies Co., Ltd.", "country": "CN"}
    ],
}


class FloorBody(BaseModel):
    name: str
    record: bool = True


async def _floor_screen(body: FloorBody) -> Response:
    return Response(b'{"matches":[]}', media_type="application/json")


def make_floor_app() -> Any:
    """Baseline "framework floor": a FastAPI route that parses the same body and answers a
    constant, on the same server settings; what any Python route here costs at best."""
    app = FastAPI()
    app.post("/v1/screen")(_floor_screen)
    return app


async def _raw_floor(scope: Any, receive: Any, send: Any) -> None:
    """Baseline "server floor": a bare ASGI callable that reads the body and answers a
    constant; what uvicorn (httptools, uvloop) costs per request without any framework."""
    if scope["type"] != "http":
        return
    more = True
    while more:
        message = await receive()
        more = message.get("more_body", False)
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json"), (b"content-length", b"14")],
        }
    )
    await send({"type": "http.response.body", "body": b'{"matches":[]}'})


def make_raw_floor_app() -> Any:
    return _raw_floor


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def library_baseline(seconds: float, names: list[str]) -> dict[str, dict[str, float]]:
    from earmark.rules import Engine

    engine = Engine()
    screener = engine.screener
    screener.current_index()
    out = {}
    for label, call in (
        ("screen", lambda i: screener.screen(names[i % len(names)])),
        ("check", lambda i: engine.check(CASE)),
    ):
        for i in range(50):  # warm
            call(i)
        times: list[float] = []
        end = time.perf_counter() + seconds
        i = 0
        while time.perf_counter() < end:
            t = time.perf_counter()
            call(i)
            times.append(time.perf_counter() - t)
            i += 1
        out[label] = {
            "n": len(times),
            "rps": len(times) / sum(times),
            "p50": pct(times, 50) * 1000,
            "p99": pct(times, 99) * 1000,
        }
    return out


async def _client(
    host: str, port: int, bodies: list[bytes], path: str, key: str, stop: float, lat: list[float]
) -> int:
    reader, writer = await asyncio.open_connection(host, port)
    errors = 0
    i = 0
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {key}\r\n"
        "Content-Type: application/json\r\n"
    )
    while time.perf_counter() < stop:
        body = bodies[i % len(bodies)]
        i += 1
        request = (head + f"Content-Length: {len(body)}\r\n\r\n").encode() + body
        t = time.perf_counter()
        writer.write(request)
        status_line = await reader.readline()
        length = 0
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        await reader.readexactly(length)
        lat.append(time.perf_counter() - t)
        if not status_line.startswith(b"HTTP/1.1 200"):
            errors += 1
    writer.close()
    return errors


async def drive(
    port: int, path: str, bodies: list[bytes], key: str, clients: int, seconds: float
) -> dict[str, float]:
    # A short warm-up, then the measured run.
    warm: list[float] = []
    await asyncio.gather(
        *(
            _client("127.0.0.1", port, bodies, path, key, time.perf_counter() + 1.0, warm)
            for _ in range(min(clients, 5))
        )
    )
    lat: list[float] = []
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    stop = t0 + seconds
    errors = await asyncio.gather(
        *(_client("127.0.0.1", port, bodies, path, key, stop, lat) for _ in range(clients))
    )
    wall = time.perf_counter() - t0
    return {
        "n": len(lat),
        "errors": sum(errors),
        "rps": len(lat) / wall,
        "p50": pct(lat, 50) * 1000,
        "p99": pct(lat, 99) * 1000,
        "client_cpu_ms_per_req": (time.process_time() - cpu0) / max(len(lat), 1) * 1000,
    }


def start_server(
    database: str, port: int, cpu: int | None, app: str = "earmark.service.asgi:app"
) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env.update(
        EARMARK_DATABASE_URL=database,
        EARMARK_RATE_PER_MINUTE="100000000",
        EARMARK_JOBS_DIR=str(Path(tempfile.gettempdir()) / "earmark-bench-jobs"),
    )
    cmd = [
        sys.executable,
        "-m",
        "uvicorn",
        *(
            ["--app-dir", str(Path(__file__).resolve().parent), "--factory", app]
            if app.startswith("service:")
            else [app]
        ),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--http",
        "httptools",
        "--loop",
        "uvloop",
        "--backlog",
        "2048",
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    if cpu is not None and shutil.which("taskset"):
        cmd = ["taskset", "-c", str(cpu), *cmd]
    return subprocess.Popen(cmd, env=env, start_new_session=True)


def wait_ready(port: int, timeout: float = 180.0, path: str = "/readyz") -> None:
    end = time.time() + timeout
    while time.time() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
                if s.recv(100).startswith(b"HTTP/1.1 "):
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("the server did not become ready")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--server-cpu", type=int, default=1)
    ap.add_argument("--client-cpu", type=int, default=0)
    ap.add_argument(
        "--names",
        choices=("hits", "clean"),
        default="hits",
        help="hits: names with many list matches (the costly case); clean: unlisted companies.",
    )
    ap.add_argument("--json", action="store_true", help="Also print the figures as JSON.")
    args = ap.parse_args()
    # The driver runs on uvloop too: its own event-loop overhead is then a smaller part of
    # the latency it measures (its CPU time a request about 10% lower than on asyncio's loop).
    import uvloop

    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {args.client_cpu})

    from earmark.store.core import Store
    from earmark.store.keys import create_key

    folder = Path(tempfile.mkdtemp(prefix="earmark-bench-"))
    database = f"sqlite:///{folder / 'bench.db'}"
    key = create_key(Store(database, "bench"), "admin")["key"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        floor_port = s.getsockname()[1]
    floor = start_server(database, floor_port, args.server_cpu, "service:make_floor_app")
    wait_ready(floor_port, 60, "/docs")
    print("baseline: framework floor ...", flush=True)
    body = [json.dumps({"name": "Siemens AG", "record": False}).encode()]
    floor_row = asyncio.run(drive(floor_port, "/v1/screen", body, key, args.clients, args.seconds))
    os.killpg(floor.pid, signal.SIGTERM)
    floor.wait(10)
    raw = start_server(database, floor_port, args.server_cpu, "service:make_raw_floor_app")
    wait_ready(floor_port, 60, "/")
    print("baseline: server floor (bare ASGI) ...", flush=True)
    raw_row = asyncio.run(drive(floor_port, "/v1/screen", body, key, args.clients, args.seconds))
    os.killpg(raw.pid, signal.SIGTERM)
    raw.wait(10)
    server = start_server(database, port, args.server_cpu)
    try:
        print("baseline: in-process library calls ...", flush=True)
        names = NAMES if args.names == "hits" else CLEAN
        base = library_baseline(min(args.seconds, 5.0), names)
        wait_ready(port)
        rows: dict[str, dict[str, float]] = {}
        for record in (False, True):
            screens = [
                json.dumps({"name": n, "record": record}, ensure_ascii=False).encode()
                for n in names
            ]
            checks = [json.dumps({"case": CASE, "record": record}).encode()]
            for label, path, bodies in (
                ("screen", "/v1/screen", screens),
                ("check", "/v1/check", checks),
            ):
                name = f"{label} record={'on' if record else 'off'}"
                print(f"{name}: {args.clients} clients for {args.seconds:.0f} s ...", flush=True)
                rows[name] = asyncio.run(drive(port, path, bodies, key, args.clients, args.seconds))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(10)
        shutil.rmtree(folder, ignore_errors=True)

    print()
    print(f"{args.clients} clients, {args.seconds:.0f} s each, names: {args.names}; server on "
          f"CPU {args.server_cpu}, client on CPU {args.client_cpu}")  # fmt: skip
    print(f"{'case':22} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} "
          f"{'client cpu ms/req':>18} {'p50 x lib':>10} {'p99 x lib':>10}")  # fmt: skip
    for label, b in base.items():
        print(f"{'library ' + label:22} {b['rps']:8.0f} {b['p50']:8.2f} {b['p99']:8.2f} "
              f"{'':>7} {'':>18} {'1.0':>10} {'1.0':>10}")  # fmt: skip
    for label, f in (("server floor", raw_row), ("framework floor", floor_row)):
        print(f"{label:22} {f['rps']:8.0f} {f['p50']:8.2f} {f['p99']:8.2f} "
              f"{f['errors']:7.0f} {f['client_cpu_ms_per_req']:18.2f}")  # fmt: skip
    for name, r in rows.items():
        b = base[name.split()[0]]
        print(f"{name:22} {r['rps']:8.0f} {r['p50']:8.2f} {r['p99']:8.2f} {r['errors']:7.0f} "
              f"{r['client_cpu_ms_per_req']:18.2f} {r['p50'] / b['p50']:10.1f} "
              f"{r['p99'] / b['p99']:10.1f}")  # fmt: skip
    targets = [("screen record=off", 20.0), ("screen record=on", 50.0)]
    for name, limit in targets:
        p99 = rows[name]["p99"]
        print(f"target {name}: p99 {p99:.1f} ms {'<=' if p99 <= limit else '>'} {limit:.0f} ms "
              f"({'met' if p99 <= limit else 'NOT met'})")  # fmt: skip
    if args.json:
        print(
            json.dumps(
                {"library": base, "server_floor": raw_row, "floor": floor_row, "service": rows},
                indent=2,
            )
        )


if __name__ == "__main__":
    main()
