#!/usr/bin/env python3
"""Run the Alembic and the Swift migration benchmarks in one go, on the same
machine and filesystem, and print them side by side with the ratios.

Usage (from the kit's root, with the venv of README.md)::

    Benchmarks/.venv/bin/python Benchmarks/migrations/compare.py [--workdir /tmp/migrations-bench]
        [--revisions 100] [--tables 50] [--repeat 3]
"""

import argparse
import sys
from pathlib import Path

import alembic_bench
import swift_bench
from measure import BenchError

LABELS = {
    "upgrade_head": "upgrade head ({revisions} revisions)",
    "downgrade_base": "downgrade base ({revisions} revisions)",
    "autogenerate": "revision --autogenerate ({tables} tables)",
}


def main() -> None:
    """Measure both sides and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/migrations-bench"))
    parser.add_argument("--revisions", type=int, default=100)
    parser.add_argument("--tables", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    workdir = arguments.workdir.resolve()

    versions = alembic_bench.library_versions()
    try:
        swift = swift_bench.measure(workdir / "swift", arguments.revisions, arguments.tables, arguments.repeat)
        alembic_workdir = workdir / "alembic"
        alembic_bench.prepare_workdir(alembic_workdir)
        python = alembic_bench.bench_upgrade(alembic_workdir, arguments.revisions, arguments.repeat)
        python |= alembic_bench.bench_autogenerate(alembic_workdir, arguments.tables, arguments.repeat)
    except BenchError as error:
        sys.exit(f"error: {error}")

    print(f"Alembic {versions['alembic']} (SQLAlchemy {versions['sqlalchemy']}, Python {versions['python']}) "
          f"vs SchemaRevisions ({swift['versions']['swift']}, release build)")
    print(f"whole processes on SQLite files in {workdir}; median of {arguments.repeat} runs after one cold run")
    header = f"{'scenario':<40} {'Alembic s':>9} {'Swift s':>9} {'speed-up':>9} {'Alembic MB':>10} {'Swift MB':>9}"
    print(header)
    print("-" * len(header))
    for key, label in LABELS.items():
        a, s = python[key], swift["results"][key]
        name = label.format(revisions=arguments.revisions, tables=arguments.tables)
        print(f"{name:<40} {a['median']:9.3f} {s['median']:9.3f} {a['median'] / s['median']:8.1f}x "
              f"{a['peak_rss_mb']:10.1f} {s['peak_rss_mb']:9.1f}")


if __name__ == "__main__":
    main()
