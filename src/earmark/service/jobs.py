"""Batch screening and checking over HTTP as jobs: upload → job id → progress → result.

Each job has a folder (input, output, job.json) under the runtime's jobs directory and runs
``batch.run_batch`` in a background thread, one at a time per job. A job that stopped
(server restarted, failure) is resumed from its folder: run_batch skips the chunks done and
records each screening or decision once."""

from __future__ import annotations

import json
import secrets
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from earmark.errors import BadInput, NotFound, Refused
from earmark.runtime import Runtime

INPUT_FORMATS = (".csv", ".jsonl", ".parquet")
OUTPUT_FORMATS = ("jsonl", "csv", "parquet")


@dataclass
class Job:
    id: str
    task: str
    owner: str
    input_name: str
    output: str
    options: dict[str, Any]
    record: bool
    state: str = "queued"  # queued, running, done, failed
    done: int = 0
    total: int = 0
    summary: dict[str, Any] | None = None
    error: str | None = None
    created: float = field(default_factory=time.time)

    def view(self) -> dict[str, Any]:
        out = asdict(self)
        out["result"] = f"/v1/batch/{self.id}/result" if self.state == "done" else None
        return out


class Jobs:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._jobs: dict[str, Job] = {}
        self._threads: dict[str, threading.Thread] = {}
        self._lock = threading.Lock()

    def folder(self, job_id: str) -> Path:
        return self.root / job_id

    def create(
        self,
        data: bytes,
        filename: str,
        task: str,
        owner: str,
        out_format: str,
        options: dict[str, Any],
        record: bool,
    ) -> Job:
        suffix = Path(filename or "").suffix.lower()
        if suffix not in INPUT_FORMATS:
            raise BadInput("file", f"a {', '.join(INPUT_FORMATS)} file, not {filename[:80]!r}")
        if out_format not in OUTPUT_FORMATS:
            raise BadInput("output_format", f"one of {', '.join(OUTPUT_FORMATS)}")
        if task not in ("screen", "check"):
            raise BadInput("task", "screen or check")
        job = Job(
            id=secrets.token_hex(8),
            task=task,
            owner=owner,
            input_name=f"input{suffix}",
            output=f"output.{out_format}",
            options=options,
            record=record,
        )
        folder = self.folder(job.id)
        folder.mkdir(parents=True)
        (folder / job.input_name).write_bytes(data)
        self._save(job)
        with self._lock:
            self._jobs[job.id] = job
        return job

    def get(self, job_id: str) -> Job:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is not None:
            return job
        path = self.folder(job_id) / "job.json"
        if not (job_id.isalnum() and path.is_file()):
            raise NotFound("job", f"no batch job {job_id[:40]!r}")
        job = Job(**json.loads(path.read_text(encoding="utf-8")))
        if job.state in ("queued", "running"):  # the process that ran it is gone
            job.state = "stopped"
        with self._lock:
            self._jobs[job_id] = job
        return job

    def start(self, job: Job, runtime: Runtime) -> None:
        with self._lock:
            running = self._threads.get(job.id)
            if running is not None and running.is_alive():
                raise Refused("job", f"batch job {job.id} is running")
            job.state, job.error = "running", None
            thread = threading.Thread(target=self._run, args=(job, runtime), daemon=True)
            self._threads[job.id] = thread
        self._save(job)
        thread.start()

    def wait(self, job_id: str, timeout: float = 60.0) -> Job:
        thread = self._threads.get(job_id)
        if thread is not None:
            thread.join(timeout)
        return self.get(job_id)

    def _run(self, job: Job, runtime: Runtime) -> None:
        from earmark.batch import BatchOptions, run_batch

        folder = self.folder(job.id)
        o = job.options

        def progress(done: int, total: int) -> None:
            job.done, job.total = done, total

        try:
            options = BatchOptions(
                as_of=date.fromisoformat(o["as_of"]) if o.get("as_of") else None,
                threshold=o.get("threshold"),
                limit=int(o.get("limit") or 10),
                lists=tuple(o["lists"]) if o.get("lists") else None,
                task=job.task,
                allow_unknown=bool(o.get("allow_unknown")),
            )
            store = runtime.store(job.owner) if job.record else None
            summary = run_batch(
                folder / job.input_name,
                folder / job.output,
                options,
                1,
                None,
                progress,
                store,
                runtime,  # the service's screener and engine, not a second index
            )
            # Paths on the server are not the caller's business: the files have their routes.
            job.summary = {**summary.to_dict(), "output": job.output}
            job.summary["rejects"] = f"/v1/batch/{job.id}/rejects" if summary.rejects else None
            job.state = "done"
        except BadInput as exc:
            job.state, job.error = "failed", str(exc)
        except Exception as exc:  # kept in the job; the log has the details
            import logging

            logging.getLogger("earmark.service").exception("batch job %s failed", job.id)
            job.state, job.error = "failed", type(exc).__name__
        self._save(job)

    def result(self, job_id: str) -> Path:
        job = self.get(job_id)
        if job.state != "done":
            raise Refused("job", f"batch job {job_id} is {job.state}, not done")
        return self.folder(job_id) / job.output

    def rejects(self, job_id: str) -> Path:
        """A finished job's bad rows with their reasons (NotFound when every row was good)."""
        from earmark.batch.screen_batch import rejects_path

        path = rejects_path(self.result(job_id))
        if not path.exists():
            raise NotFound("job", f"batch job {job_id} had no bad rows")
        return path

    def _save(self, job: Job) -> None:
        path = self.folder(job.id) / "job.json"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(job), default=str), encoding="utf-8")
        tmp.replace(path)
