"""The document phase on Dask: batches of documents mapped over a cluster's workers.

With no scheduler address a local cluster is started (one process per core); with one,
the audit connects to that scheduler, whose workers must have factaudit (and any
third-party rule packages) installed and must see the corpus at the same paths — a
shared file system or the same container image. Only the document phase is distributed:
the corpus-wide rules then run here on the gathered mentions, whose size grows with what
the claims find, not with the corpus.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from factaudit.errors import InputError, Problem


def run_on_dask(chunks: list[list[dict]], claims, config, rules, key: str,
                cache_dir: str | None, scheduler: str | None) -> Iterator[list]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise InputError(Problem("--engine dask", "Dask is not installed",
                                 hint='pip install "factaudit[dask]"')) from None
    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout="30s")
        except (OSError, ValueError, TypeError) as exc:  # unreachable, malformed address
            raise InputError(Problem("--scheduler", f"cannot connect to the Dask scheduler "
                                     f"at {scheduler!r}: {str(exc).splitlines()[0][:160]}",
                                     hint="give an address such as tcp://host:8786, or omit "
                                     "--scheduler for a local cluster")) from None
    else:
        cluster = LocalCluster(n_workers=max(1, min(os.cpu_count() or 1, 8)),
                               threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        [state] = client.scatter([(claims, config, rules, key, cache_dir)], broadcast=True)
        futures = client.map(_batch, chunks, state=state, pure=False)
        for future in futures:  # in corpus order, so findings equal the local engine's
            yield future.result()
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _batch(entries: list[dict], state: tuple) -> list:
    from factaudit import engine

    claims, config, rules, key, cache_dir = state
    if engine._WORKER is None or engine._STATE.get("run_key") != key:
        engine._init(claims, config, rules, key, cache_dir)
    return engine.process_batch(entries)
