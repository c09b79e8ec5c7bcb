#!/usr/bin/env python3
"""Benchmark the kit's Swift migration engine (SchemaRevisions), scenario for
scenario as alembic_bench.py measures Alembic:

A. ``upgrade head`` over N chained revisions on a fresh SQLite database, and
   ``downgrade base`` from head; revision i creates table t{i} (id INTEGER
   primary key, name VARCHAR NULL) and index ix_t{i}_name.
B. ``revision --autogenerate`` for an M-table model (id primary key, name
   unique + indexed, email nullable, created_at, a foreign key to the
   previous table) against an empty database.

It writes a Swift package into WORKDIR that uses the engine the way any
project outside the kit would — the SchemaRevisions and SchemaRevisionsCLI
libraries and the SchemaRevisionsRegistry plugin, by path — builds it in
release mode, and times whole processes of it.

Usage::

    python swift_bench.py --workdir /tmp/swift-bench [--revisions 100]
        [--tables 50] [--repeat 3] [--json]
"""

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from measure import BenchError, Sample, run, summary

KIT = Path(__file__).resolve().parents[2]
DATABASE = "bench.sqlite"
MARKER = ".swift_bench"

PACKAGE = '''// swift-tools-version:6.1
import PackageDescription

let engine: [Target.Dependency] = [
    .product(name: "SchemaRevisions", package: "swift-server-workbook"),
    .product(name: "SchemaRevisionsCLI", package: "swift-server-workbook"),
]

let package = Package(
    name: "schema-revisions-bench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: {kit!r})],
    targets: [
        .executableTarget(name: "upgrade-bench", dependencies: engine,
                          plugins: [.plugin(name: "SchemaRevisionsRegistry", package: "swift-server-workbook")]),
        .executableTarget(name: "autogenerate-bench", dependencies: engine,
                          plugins: [.plugin(name: "SchemaRevisionsRegistry", package: "swift-server-workbook")]),
    ],
    swiftLanguageModes: [.v6]
)
'''.replace("{kit!r}", "{kit}")

MAIN = '''import FluentKit
import Foundation
import SchemaRevisions
import SchemaRevisionsCLI

let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
let environment = MigrationEnvironment(
    targetMetadata: {{ try SchemaMetadata(models: {models}) }},
    revisions: GeneratedRevisions.all,
    versionsFolder: folder + "/Versions",
    configFile: "bench.revisions.json",
    defaultDatabaseURL: "sqlite:///{database}"
)
if await SchemaRevisionsCommand.main(CommandLine.arguments, environment: environment) {{ exit(0) }}
print("usage: {name} upgrade head | downgrade base | revision --autogenerate -m MSG")
exit(2)
'''

REVISION = '''import SchemaRevisions

enum Revision_{revision}: SchemaRevision {{
    static let id = "{revision}"
    static let parent: String? = {parent}
    static let message = "create t{n}"

    static func upgrade(_ op: SchemaOperations) async throws {{
        try await op.createTable("t{n}", [
            .column("id", .integer, nullable: false),
            .column("name", .string(), nullable: true),
            .primaryKey("id"),
        ])
        try await op.createIndex("ix_t{n}_name", on: "t{n}", ["name"])
    }}

    static func downgrade(_ op: SchemaOperations) async throws {{
        try await op.dropIndex("ix_t{n}_name", on: "t{n}")
        try await op.dropTable("t{n}")
    }}
}}
'''

UPGRADE_MODEL = '''
final class T{n}: Model, TableModel, @unchecked Sendable {{
    static let schema = "t{n}"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @OptionalField(key: "name") var name: String?
    static var tableArguments: [TableArgument<T{n}>] {{ [.index(\\.$name)] }}
    init() {{}}
}}
'''

AUTOGENERATE_MODEL = '''
final class M{n}: Model, TableModel, @unchecked Sendable {{
    static let schema = "m{n}"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @OptionalField(key: "email") var email: String?
    @Field(key: "created_at") var createdAt: Date
{parent}    static var tableArguments: [TableArgument<M{n}>] {{ [.index(\\.$name, unique: true)] }}
    init() {{}}
}}
'''

PARENT = '    @OptionalParent(key: "parent_id") var parent: M{parent}?\n'


def revision_id(n: int) -> str:
    """The id of revision N: r0001, r0002, ..."""
    return f"r{n:04d}"


def write_package(workdir: Path, revisions: int, tables: int) -> None:
    """Write the benchmark package into WORKDIR."""
    # A path dependency is known by its folder's name.
    package = PACKAGE.replace("{kit}", json.dumps(str(KIT))).replace('package: "swift-server-workbook"', f'package: "{KIT.name.lower()}"')
    (workdir / "Package.swift").write_text(package)

    upgrade = workdir / "Sources" / "upgrade-bench"
    (upgrade / "Versions").mkdir(parents=True)
    models = "".join(UPGRADE_MODEL.format(n=n) for n in range(1, revisions + 1))
    (upgrade / "Models.swift").write_text("import FluentKit\nimport SchemaRevisions\n" + models)
    names = ", ".join(f"T{n}.self" for n in range(1, revisions + 1))
    (upgrade / "main.swift").write_text(MAIN.format(models=names, database=DATABASE, name="upgrade-bench"))
    for n in range(1, revisions + 1):
        parent = f'"{revision_id(n - 1)}"' if n > 1 else "nil"
        (upgrade / "Versions" / f"{revision_id(n)}_create_t{n}.swift").write_text(
            REVISION.format(revision=revision_id(n), parent=parent, n=n))

    autogenerate = workdir / "Sources" / "autogenerate-bench"
    (autogenerate / "Versions").mkdir(parents=True)
    models = "".join(
        AUTOGENERATE_MODEL.format(n=n, parent=PARENT.format(parent=n - 1) if n > 1 else "")
        for n in range(1, tables + 1))
    (autogenerate / "Models.swift").write_text("import FluentKit\nimport Foundation\nimport SchemaRevisions\n" + models)
    names = ", ".join(f"M{n}.self" for n in range(1, tables + 1))
    (autogenerate / "main.swift").write_text(MAIN.format(models=names, database=DATABASE, name="autogenerate-bench"))


def build(workdir: Path) -> Path:
    """Build the package in release mode; return its binaries' folder."""
    print(f"building the Swift benchmark package in {workdir} (release) ...", file=sys.stderr)
    result = subprocess.run(["swift", "build", "-c", "release", "--package-path", str(workdir)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise BenchError(f"swift build failed:\n{result.stdout[-4000:]}{result.stderr[-4000:]}")
    bin_path = subprocess.run(["swift", "build", "-c", "release", "--package-path", str(workdir), "--show-bin-path"],
                              capture_output=True, text=True, check=True).stdout.strip()
    return Path(bin_path)


def tables_in(database: Path) -> list[str]:
    """The tables in DATABASE, besides the engine's own (its version and checksum tables)."""
    with closing(sqlite3.connect(database)) as connection:
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT IN ('schema_revisions_version', 'schema_revisions_checksums')").fetchall()
    return [name for (name,) in rows]


def bench_upgrade(workdir: Path, binaries: Path, revisions: int, repeat: int) -> dict[str, dict]:
    """Scenario A: `upgrade head` and `downgrade base` over REVISIONS revisions."""
    program = str(binaries / "upgrade-bench")
    database = workdir / DATABASE

    def upgrade() -> Sample:
        database.unlink(missing_ok=True)
        sample, _ = run([program, "upgrade", "head"], workdir)
        if len(tables_in(database)) != revisions:
            raise BenchError(f"upgrade head made {len(tables_in(database))} tables, expected {revisions}")
        return sample

    def downgrade() -> Sample:
        upgrade()
        sample, _ = run([program, "downgrade", "base"], workdir)
        if tables_in(database):
            raise BenchError(f"downgrade base left {tables_in(database)}")
        return sample

    upgrade_cold = upgrade()
    upgrade_runs = [upgrade() for _ in range(repeat)]
    downgrade_cold = downgrade()
    downgrade_runs = [downgrade() for _ in range(repeat)]
    return {"upgrade_head": summary(upgrade_cold, upgrade_runs),
            "downgrade_base": summary(downgrade_cold, downgrade_runs)}


def bench_autogenerate(workdir: Path, binaries: Path, tables: int, repeat: int) -> dict[str, dict]:
    """Scenario B: `revision --autogenerate` for a TABLES-table model."""
    program = str(binaries / "autogenerate-bench")
    database = workdir / DATABASE
    versions = workdir / "Sources" / "autogenerate-bench" / "Versions"

    def autogenerate() -> Sample:
        database.unlink(missing_ok=True)
        for old in versions.glob("*.swift"):
            old.unlink()
        sample, _ = run([program, "revision", "--autogenerate", "-m", "bench"], workdir)
        generated = list(versions.glob("*.swift"))
        if len(generated) != 1:
            raise BenchError(f"expected one generated revision, found {generated}")
        created = generated[0].read_text().count("op.createTable(")
        if created != tables:
            raise BenchError(f"{generated[0]} has {created} op.createTable calls, expected {tables}")
        return sample

    cold = autogenerate()
    runs = [autogenerate() for _ in range(repeat)]
    for old in versions.glob("*.swift"):
        old.unlink()
    return {"autogenerate": summary(cold, runs)}


def measure(workdir: Path, revisions: int, tables: int, repeat: int) -> dict:
    """Write, build and time the Swift side; return its report."""
    workdir = workdir.resolve()
    if workdir.exists():
        if not (workdir / MARKER).exists():
            raise BenchError(f"{workdir} exists and was not made by this script; choose another --workdir")
        # Everything but the build folder: the next build then compiles only
        # the engine and the benchmark, not every dependency again (minutes).
        for child in workdir.iterdir():
            if child.name == ".build":
                continue
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / MARKER).touch()
    write_package(workdir, revisions, tables)
    binaries = build(workdir)
    swift_version = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    results = bench_upgrade(workdir, binaries, revisions, repeat)
    results |= bench_autogenerate(workdir, binaries, tables, repeat)
    return {"versions": {"swift": swift_version},
            "settings": {"workdir": str(workdir), "revisions": revisions, "tables": tables, "repeat": repeat},
            "results": results}


def main() -> None:
    """Run both scenarios and print the report as JSON."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--revisions", type=int, default=100)
    parser.add_argument("--tables", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    try:
        report = measure(arguments.workdir.resolve(), arguments.revisions, arguments.tables, arguments.repeat)
    except BenchError as error:
        sys.exit(f"error: {error}")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
