"""Work split over forked processes, for the bulk demo's two cores.

A forked child inherits the parent's memory (the organisation, the generated customers), so only
its part number goes in and a small result comes back."""

from __future__ import annotations

import multiprocessing
import os
import sys
from typing import Callable, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def run_forked(job: Callable[[int], T], parts: int) -> list[T]:
    """`job(0)` … `job(parts - 1)`, each in a forked process; their results in part order."""
    context = multiprocessing.get_context("fork")
    results = context.Queue()

    def child(part: int) -> None:
        # A forked child must never close the parent's database connections (that would end their
        # sessions): it leaves with os._exit, without running finalizers.
        code = 1
        try:
            results.put((part, job(part)))
            code = 0
        except BaseException as error:  # noqa: BLE001 - reported, and the parent fails on the exit code
            print(f"bulk worker {part}: {error!r}", file=sys.stderr, flush=True)
            results.put((part, None))
        finally:
            results.close()
            results.join_thread()
            os._exit(code)

    workers = [context.Process(target=child, args=(part,)) for part in range(parts)]
    for worker in workers:
        worker.start()
    collected = dict(results.get() for _ in workers)  # before join: a child exits once its result is read
    for worker in workers:
        worker.join()
        if worker.exitcode != 0:
            raise RuntimeError(f"bulk worker failed with exit code {worker.exitcode}")
    return [collected[part] for part in range(parts)]
