"""Worker processes for batches: each loads the model once and checks one pair at a time.

A pool of executors cannot tell which process holds which task, so a pair that hangs or kills
its process would take the pool with it. Here each worker has its own pipe: a pair past its
time limit has its worker killed, a pair whose worker dies is reported, and in both cases a
fresh worker takes the next pair, so the batch always completes.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from typing import Callable, Iterator

READY = "ready"


@dataclass
class _Worker:
    process: object
    conn: Connection
    ready: bool = False
    task: tuple | None = None  # (pair, key) being checked
    started: float = 0.0


class WorkerFailed(RuntimeError):
    """A worker could not even load its checker: no pair can be checked with these settings."""


def run(tasks: list[tuple], settings, jobs: int, timeout: float | None,
        make_checker: Callable, check: Callable) -> Iterator[dict]:
    """Results of ``check(checker, pair, key)`` for each (pair, key), in the order they finish.
    ``make_checker(settings)`` and ``check`` must be importable functions: they run in workers
    started by spawning (a fork of a process that has run torch can deadlock in its thread pools)."""
    context = get_context("spawn")
    threads = max(1, (os.cpu_count() or 1) // jobs)  # the cores shared out, not fought over
    queue = list(reversed(tasks))
    workers: list[_Worker] = []

    def start() -> _Worker:
        ours, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(theirs, settings, threads, make_checker, check), daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, ours)

    try:
        workers = [start() for _ in range(min(jobs, len(tasks)))]
        while queue or any(w.task for w in workers):
            for worker in workers:
                if worker.ready and worker.task is None and queue:
                    worker.task, worker.started = queue.pop(), time.monotonic()
                    worker.conn.send(worker.task)
            waiting = [w for w in workers if w.task or not w.ready]
            deadlines = [w.started + timeout - time.monotonic() for w in waiting if w.task and timeout]
            ready = wait([w.conn for w in waiting] + [w.process.sentinel for w in waiting],
                         timeout=max(0.0, min(deadlines)) if deadlines else None)
            for k, worker in enumerate(workers):
                result = _collect(worker, ready, timeout)
                if result is None:
                    continue
                if result is READY:
                    worker.ready = True
                    continue
                yield result
                if worker.task is not None and not worker.process.is_alive():
                    worker.task = None
                    workers[k] = start()
                worker.task = None
    finally:
        for worker in workers:
            if worker.process.is_alive():
                worker.process.kill()
            worker.process.join()
            worker.conn.close()


def _collect(worker: _Worker, ready: list, timeout: float | None):
    """What a worker has to say now: READY, a result, an error standing in for one, or None."""
    pair = worker.task[0] if worker.task else None
    if worker.conn in ready:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            message = None
        if message == READY:
            return READY
        if isinstance(message, tuple) and message[0] == "failed":
            raise WorkerFailed(message[1])
        if isinstance(message, dict):
            return message
    if worker.process.sentinel in ready or (worker.conn in ready and not worker.process.is_alive()):
        worker.process.join()
        if pair is None:
            raise WorkerFailed(f"a worker process exited (code {worker.process.exitcode}) before it was ready")
        return {"id": pair.id, "key": worker.task[1],
                "error": f"the worker checking this pair died (exit code {worker.process.exitcode})"}
    if pair is not None and timeout and time.monotonic() - worker.started >= timeout:
        worker.process.kill()
        worker.process.join()
        return {"id": pair.id, "key": worker.task[1], "error": f"not checked within {timeout:g} s (stopped)"}
    return None


def _serve(conn: Connection, settings, threads: int, make_checker: Callable, check: Callable) -> None:
    import torch

    torch.set_num_threads(threads)
    try:
        checker = make_checker(settings)
    except Exception as error:  # said to the parent, which stops the batch with it
        conn.send(("failed", f"{type(error).__name__}: {error}"))
        return
    conn.send(READY)
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        conn.send(check(checker, *task))  # ``check`` reports a pair's own errors in its result
