"""Where the map step runs: in this process, in a pool of processes, or on Dask.

Every executor takes the same three things — a function ``fn(state, batch)``, the state
it needs (sent once to each worker, never through module globals of the pipeline) and
the batches — and yields the results in batch order, so every executor and any number of
workers give the same bytes.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from itertools import islice
from typing import Any, Protocol, TypeVar

from factaudit.model import InputError, Problem

S = TypeVar("S")
B = TypeVar("B")
R = TypeVar("R")


class Executor(Protocol):
    name: str

    def map(self, fn: Callable[[Any, Any], R], state: Any, batches: Iterable[Any]
            ) -> Iterator[R]: ...


class Inline:
    """One batch after another, in this process."""

    name = "inline"

    def map(self, fn: Callable[[S, B], R], state: S, batches: Iterable[B]) -> Iterator[R]:
        for batch in batches:
            yield fn(state, batch)


_WORKER_STATE: list[Any] = []  # in a pool's worker process: the state it was started with


def _install(state: Any) -> None:
    _WORKER_STATE[:] = [state]


def _call(task: tuple[Callable[[Any, Any], Any], Any]) -> Any:
    fn, batch = task
    return fn(_WORKER_STATE[0], batch)


class Pool:
    """A pool of worker processes (forked on POSIX), each started with the state once."""

    name = "pool"

    def __init__(self, workers: int | None = None) -> None:
        self.workers = max(1, workers or min(os.cpu_count() or 1, 8))

    def map(self, fn: Callable[[S, B], R], state: S, batches: Iterable[B]) -> Iterator[R]:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        with ProcessPoolExecutor(max_workers=self.workers, mp_context=context,
                                 initializer=_install, initargs=(state,)) as pool:
            # a few batches in flight per worker, not all of them (pool.map submits every
            # batch at once: the whole corpus's batch lists, and results piling up)
            pending: deque[Future[R]] = deque()
            todo = iter(batches)
            for batch in islice(todo, IN_FLIGHT * self.workers):
                pending.append(pool.submit(_call, (fn, batch)))
            while pending:
                result = pending.popleft().result()
                for batch in islice(todo, 1):
                    pending.append(pool.submit(_call, (fn, batch)))
                yield result


IN_FLIGHT = 3  # batches per worker


def _dask_call(batch: Any, fn: Callable[[Any, Any], Any], state: Any) -> Any:
    return fn(state, batch)


class Dask:
    """The batches mapped over a Dask cluster's workers: a local cluster (one process per
    core), or the scheduler at ``scheduler``, whose workers must have factaudit (and any
    third-party rule packages) installed and see the corpus at the same paths."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int | None = None) -> None:
        self.scheduler = scheduler
        self.workers = workers

    def map(self, fn: Callable[[S, B], R], state: S, batches: Iterable[B]) -> Iterator[R]:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise InputError(Problem("--engine dask", "Dask is not installed",
                                     hint='pip install "factaudit[dask]"')) from None
        batches = list(batches)
        if not batches:
            return
        cluster = None
        if self.scheduler:
            try:
                client = Client(self.scheduler, timeout="30s")
            except (OSError, ValueError, TypeError) as exc:  # unreachable, malformed
                raise InputError(Problem(
                    "--scheduler", f"cannot connect to the Dask scheduler at "
                    f"{self.scheduler!r}: {str(exc).splitlines()[0][:160]}",
                    hint="give an address such as tcp://host:8786, or omit --scheduler "
                    "for a local cluster")) from None
        else:
            cluster = LocalCluster(n_workers=max(1, self.workers or min(os.cpu_count() or 1, 8)),
                                   threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
        try:
            [shared] = client.scatter([state], broadcast=True)
            futures = client.map(_dask_call, batches, fn=fn, state=shared, pure=False)
            for future in futures:  # in corpus order, so findings equal the local engine's
                yield future.result()
                future.release()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def make(name: str = "local", workers: int | None = None, scheduler: str | None = None,
         total_bytes: int = 0) -> Executor:
    """The executor a run asks for: ``local`` is inline for one worker (the default below
    16 MB of corpus, where a pool costs more than it saves) and a pool above."""
    if name == "dask":
        return Dask(scheduler, workers)
    if name == "pool":
        return Pool(workers)
    if name == "inline":
        return Inline()
    if workers is None:
        workers = 1 if total_bytes < POOL_THRESHOLD_BYTES else min(os.cpu_count() or 1, 8)
    return Pool(workers) if workers > 1 else Inline()


POOL_THRESHOLD_BYTES = 16_000_000
