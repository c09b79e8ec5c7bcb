import SQLKit

/// The changes that would turn the live schema of `database` into
/// `target`: Alembic's `compare_metadata(context, metadata)`. Empty when
/// the database already matches the models.
///
/// ```swift
/// let changes = try await compareMetadata(database, try SchemaMetadata(models: User.self))
/// for change in changes { print(change) } // Detected added column 'users.full_name'
/// ```
///
/// Only the tables `filter` includes are compared (``TableFilter``, Alembic's
/// `include_name`): by default every table but other tools' bookkeeping
/// (`alembic_version`, `_fluent_migrations`). The engine's own tables are
/// always left out. Types and defaults are compared as the database spells
/// them, so synonyms (`INT8` and `BIGINT`) are not reported, and an
/// existing integer column of any width satisfies a model's `Int` (a
/// `SERIAL` key another tool made is no change). `revision --autogenerate`
/// writes these changes into a revision file, and `check` fails when there
/// are any.
public func compareMetadata(
    _ database: any SQLDatabase, _ target: SchemaMetadata, filter: TableFilter = .default
) async throws -> [SchemaChange] {
    try await DatabaseErrorText.translating {
        let dialect = try Dialects.dialect(for: database)
        return SchemaDiff(spelling: dialect).changes(
            from: try await comparedSchema(of: database, dialect: dialect, filter: filter), to: filter.applied(to: target))
    }
}

/// The live schema of `database` that ``compareMetadata(_:_:filter:)``
/// compares with the models: every table `filter` includes, but the
/// engine's own (its version and checksum tables). Autogenerate with
/// renames, `check` and the start-up check compare the same; the tables it
/// leaves out are ``skippedTables(in:dialect:filter:)``.
package func comparedSchema(of database: any SQLDatabase, dialect: any Dialect, filter: TableFilter = .default) async throws -> SchemaMetadata {
    let skipped = try await skippedTables(in: database, dialect: dialect, filter: filter)
    return try await dialect.schema(of: database, excluding: Set(skipped + engineTables))
}
