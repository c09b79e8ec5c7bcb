"""Run a command as a whole process and measure it: wall-clock seconds and
peak resident memory (from the kernel's accounting of the finished child)."""

import os
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


class BenchError(RuntimeError):
    """A benchmark step failed; the message says which and why."""


@dataclass(frozen=True)
class Sample:
    """One run of one command."""

    seconds: float
    peak_rss_mb: float


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[Sample, str]:
    """Run COMMAND in CWD; return its Sample and its output. Raise BenchError if it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise BenchError(f"`{' '.join(command)}` failed in {cwd} (exit {process.returncode}):\n{output}")
    # ru_maxrss is in kilobytes on Linux.
    return Sample(elapsed, usage.ru_maxrss / 1024), output


def summary(cold: Sample, runs: list[Sample]) -> dict[str, float | list[float]]:
    """Summarise one scenario: the cold run, then min/median seconds and peak memory."""
    return {
        "cold": cold.seconds,
        "min": min(s.seconds for s in runs),
        "median": statistics.median(s.seconds for s in runs),
        "runs": [s.seconds for s in runs],
        "peak_rss_mb": max(s.peak_rss_mb for s in [cold, *runs]),
    }
