"""earmark.batch: files of parties (and later cases) in, results out; resumable; on Dask."""

from earmark.batch.screen_batch import BatchOptions, BatchSummary, run_batch

__all__ = ["BatchOptions", "BatchSummary", "run_batch"]
