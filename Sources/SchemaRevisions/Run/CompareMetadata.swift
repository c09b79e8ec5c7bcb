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
/// The engine's own version table is left out. Types and defaults are
/// compared as the database spells them, so synonyms (`INT8` and `BIGINT`)
/// are not reported, and an existing integer column of any width satisfies
/// a model's `Int` (a `SERIAL` key another tool made is no change). `revision --autogenerate` writes these changes into a
/// revision file, and `check` fails when there are any.
public func compareMetadata(_ database: any SQLDatabase, _ target: SchemaMetadata) async throws -> [SchemaChange] {
    try await DatabaseErrorText.translating {
        let dialect = try Dialects.dialect(for: database)
        return SchemaDiff(spelling: dialect).changes(from: try await comparedSchema(of: database, dialect: dialect), to: target)
    }
}

/// The live schema of `database` that ``compareMetadata(_:_:)`` compares
/// with the models: every table but the engine's own (its version and checksum tables). Autogenerate
/// with renames compares the same.
package func comparedSchema(of database: any SQLDatabase, dialect: any Dialect) async throws -> SchemaMetadata {
    try await dialect.schema(of: database, excluding: [VersionTable.name, RevisionChecksums.tableName])
}
