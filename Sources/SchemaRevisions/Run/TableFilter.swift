import SQLKit

/// Which tables ``compareMetadata(_:_:filter:)``, `check`, `revision
/// --autogenerate` and the server's start-up check compare with the
/// models: Alembic's `include_name` (and `include_object`) for tables, in
/// `env.py`.
///
/// A table the filter leaves out is never reported, so never proposed for
/// dropping, and a model's table it leaves out is never created. By default
/// it leaves out the bookkeeping tables of other migration tools, which no
/// model owns (``bookkeepingTables``: Alembic's `alembic_version`, Fluent's
/// `_fluent_migrations`); every other table the models do not declare is
/// still reported as removed, and listed as destructive.
///
/// ```swift
/// TableFilter.default                                   // all but alembic_version and _fluent_migrations
/// TableFilter { !$0.hasPrefix("legacy_") }              // and, besides them, the legacy_ tables
/// TableFilter(excluding: []) { _ in true }              // every table, bookkeeping included
/// ```
///
/// The engine's own tables, `schema_revisions_version` and
/// `schema_revisions_checksums`, are never compared, whatever the filter says.
public struct TableFilter: Sendable {
    /// The tables other migration tools keep for their bookkeeping, each
    /// with what it is: left out by default.
    public static let bookkeepingTables: [String: String] = [
        "alembic_version": "Alembic's version table",
        "_fluent_migrations": "Fluent's migrations table",
    ]

    /// The default: every table but ``bookkeepingTables``.
    public static let `default` = TableFilter()

    /// Tables left out whatever `include` says.
    public let excluded: Set<String>
    private let include: @Sendable (String) -> Bool

    /// Leaves out the tables in `excluding` (by default
    /// ``bookkeepingTables``), and every table for which `include`, given
    /// its name, returns `false` (Alembic's `include_name`).
    public init(
        excluding: Set<String> = Set(TableFilter.bookkeepingTables.keys),
        include: @escaping @Sendable (String) -> Bool = { _ in true }
    ) {
        self.excluded = excluding
        self.include = include
    }

    /// Whether the table `name` is compared with the models.
    public func includes(_ name: String) -> Bool {
        !excluded.contains(name) && include(name)
    }

    /// Why a live table is left out, in a message's words: what it is (a
    /// bookkeeping table), or that the filter leaves it out.
    package func reason(forSkipping name: String) -> String {
        if excluded.contains(name), let what = Self.bookkeepingTables[name] {
            return "\(what), which no model owns"
        }
        return "the table filter leaves it out"
    }

    /// `metadata` without the tables this filter leaves out.
    package func applied(to metadata: SchemaMetadata) -> SchemaMetadata {
        var filtered = metadata
        filtered.tables = metadata.tables.filter { includes($0.name) }
        return filtered
    }
}

/// The engine's own tables (its version and checksum tables): never
/// compared with the models, whatever the filter says.
package let engineTables = [VersionTable.name, RevisionChecksums.tableName]

/// The live tables of `database` that `filter` leaves out of the
/// comparison, sorted (the engine's own tables are not among them: they
/// are never compared, and need no word).
package func skippedTables(in database: any SQLDatabase, dialect: any Dialect, filter: TableFilter) async throws -> [String] {
    try await dialect.tableNames(in: database).filter { !engineTables.contains($0) && !filter.includes($0) }
}
