/// Compares the schema the models describe (the target) with the schema a
/// database has (live) and lists the changes that turn live into target.
///
/// The order is one a database can apply: new tables (referenced ones
/// first) with their indexes; then, table by table, removed constraints and
/// indexes, new and changed columns, removed columns, new indexes and
/// constraints; last, removed tables (referring ones first).
///
/// It depends on the metadata only: whether two types or defaults are the
/// same is the database's spelling, given as a ``ColumnSpelling``.
package struct SchemaDiff: Sendable {
    /// The spelling that decides whether two types or defaults are the same.
    package var spelling: any ColumnSpelling

    /// A diff that compares types and defaults as `spelling` writes them.
    package init(spelling: any ColumnSpelling) {
        self.spelling = spelling
    }

    /// The changes that turn `live` into `target`; empty when they match.
    package func changes(from live: SchemaMetadata, to target: SchemaMetadata) -> [SchemaChange] {
        var changes: [SchemaChange] = []
        let liveNames = Set(live.tables.map(\.name))
        let targetNames = Set(target.tables.map(\.name))

        for table in target.tablesInDependencyOrder where !liveNames.contains(table.name) {
            var bare = table
            bare.indexes = []
            changes.append(.createTable(bare))
            changes += table.indexes.map { .createIndex(table: table.name, $0) }
        }

        for table in target.tables {
            guard let existing = live.table(named: table.name) else { continue }
            changes += self.changes(from: existing, to: table)
        }

        for table in live.tablesInDependencyOrder.reversed() where !targetNames.contains(table.name) {
            changes += table.indexes.map { .dropIndex(table: table.name, $0) }
            var bare = table
            bare.indexes = []
            changes.append(.dropTable(bare))
        }
        return changes
    }

    /// The changes to one table that exists on both sides.
    func changes(from live: TableMetadata, to target: TableMetadata) -> [SchemaChange] {
        let name = target.name
        var changes: [SchemaChange] = []

        let removedKeys = live.foreignKeys.filter { key in !target.foreignKeys.contains { sameForeignKey($0, key) } }
        let addedKeys = target.foreignKeys.filter { key in !live.foreignKeys.contains { sameForeignKey($0, key) } }
        let removedUniques = live.uniqueConstraints.filter { unique in !target.uniqueConstraints.contains { $0.columns == unique.columns } }
        let addedUniques = target.uniqueConstraints.filter { unique in !live.uniqueConstraints.contains { $0.columns == unique.columns } }
        let removedIndexes = live.indexes.filter { index in !target.indexes.contains { sameIndex($0, index) } }
        let addedIndexes = target.indexes.filter { index in !live.indexes.contains { sameIndex($0, index) } }

        changes += removedKeys.map { .dropForeignKey(table: name, $0) }
        changes += removedUniques.map { .dropUniqueConstraint(table: name, $0) }
        changes += removedIndexes.map { .dropIndex(table: name, $0) }

        for column in target.columns {
            if let existing = live.column(named: column.name) {
                if !sameColumn(existing, column) {
                    changes.append(.alterColumn(table: name, from: existing, to: column))
                }
            } else {
                changes.append(.addColumn(table: name, column))
            }
        }
        for column in live.columns where target.column(named: column.name) == nil {
            changes.append(.dropColumn(table: name, column))
        }

        changes += addedIndexes.map { .createIndex(table: name, $0) }
        changes += addedUniques.map { .addUniqueConstraint(table: name, $0) }
        changes += addedKeys.map { .addForeignKey(table: name, $0) }
        return changes
    }

    /// Same type and default (as the database spells them, synonyms
    /// resolved) and nullability.
    func sameColumn(_ a: ColumnMetadata, _ b: ColumnMetadata) -> Bool {
        spelling.canonicalType(a.type) == spelling.canonicalType(b.type)
            && a.nullable == b.nullable
            && a.defaultValue.map(spelling.canonicalDefault) == b.defaultValue.map(spelling.canonicalDefault)
    }

    func sameIndex(_ a: IndexMetadata, _ b: IndexMetadata) -> Bool {
        a.name == b.name && a.columns == b.columns && a.unique == b.unique
    }

    func sameForeignKey(_ a: ForeignKeyMetadata, _ b: ForeignKeyMetadata) -> Bool {
        a.columns == b.columns && a.referencedTable == b.referencedTable
            && a.referencedColumns == b.referencedColumns && a.onDelete == b.onDelete && a.onUpdate == b.onUpdate
    }
}
