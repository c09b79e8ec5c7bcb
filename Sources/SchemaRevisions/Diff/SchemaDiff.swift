/// Compares the schema the models describe (the target) with the schema a
/// database has (live) and lists the changes that turn live into target.
///
/// The order is one a database can apply: renamed tables; new tables
/// (referenced ones first) with their indexes; then, table by table, removed
/// constraints and indexes, renamed columns, new and changed columns, removed
/// columns, new indexes and constraints; last, removed tables (referring
/// ones first).
///
/// A table or column is renamed, not dropped and added, only where a rename
/// is declared in the models or given (``RenameHints``);
/// ``renameCandidates(from:to:renames:)`` lists the drops and adds that
/// look like one.
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

    /// The changes that turn `original`, the live schema, into `target`;
    /// empty when they match. The target's declared renames, and `renames`, are made as renames.
    package func changes(from original: SchemaMetadata, to target: SchemaMetadata,
                         renames: RenameHints = RenameHints()) -> [SchemaChange] {
        let plan = RenamePlan(live: original, target: target, hints: RenameHints.declared(in: target).merging(renames))
        let live = plan.live
        var changes: [SchemaChange] = plan.tables.map { .renameTable(from: $0.from, to: $0.to) }
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
            changes += self.changes(from: existing, to: table, columnRenames: plan.columns[table.name] ?? [:])
        }

        for table in live.tablesInDependencyOrder.reversed() where !targetNames.contains(table.name) {
            changes += table.indexes.map { .dropIndex(table: table.name, $0) }
            var bare = table
            bare.indexes = []
            changes.append(.dropTable(bare))
        }
        return changes
    }

    /// The changes to one table that exists on both sides; `columnRenames`
    /// (former name by new name) are made first, after removed constraints
    /// and indexes, which are dropped under the columns' former names.
    func changes(from original: TableMetadata, to target: TableMetadata,
                 columnRenames: [String: String] = [:]) -> [SchemaChange] {
        let name = target.name
        var changes: [SchemaChange] = []
        // The live table as it reads once the columns are renamed; what is
        // removed is dropped before the renames, so under the former names.
        let live = original.renamingColumns(columnRenames)
        func removed<T>(_ items: KeyPath<TableMetadata, [T]>, _ kept: (T) -> Bool) -> [T] {
            zip(original[keyPath: items], live[keyPath: items]).filter { !kept($0.1) }.map { $0.0 }
        }

        let removedKeys = removed(\.foreignKeys) { key in target.foreignKeys.contains { sameForeignKey($0, key) } }
        let addedKeys = target.foreignKeys.filter { key in !live.foreignKeys.contains { sameForeignKey($0, key) } }
        let removedUniques = removed(\.uniqueConstraints) { unique in target.uniqueConstraints.contains { $0.columns == unique.columns } }
        let addedUniques = target.uniqueConstraints.filter { unique in !live.uniqueConstraints.contains { $0.columns == unique.columns } }
        let removedIndexes = removed(\.indexes) { index in target.indexes.contains { sameIndex($0, index) } }
        let addedIndexes = target.indexes.filter { index in !live.indexes.contains { sameIndex($0, index) } }

        changes += removedKeys.map { .dropForeignKey(table: name, $0) }
        changes += removedUniques.map { .dropUniqueConstraint(table: name, $0) }
        changes += removedIndexes.map { .dropIndex(table: name, $0) }
        for column in target.columns {
            if let former = columnRenames[column.name] {
                changes.append(.renameColumn(table: name, from: former, to: column.name))
            }
        }

        for column in target.columns {
            if var existing = live.column(named: column.name) {
                if !sameColumn(existing, column) {
                    // A type the model accepts as it is (an `integer` column
                    // for an `Int`) is not part of the change, either way.
                    if spelling.sameType(live: existing.type, declared: column.type) { existing.type = column.type }
                    if existing.defaultValue.map(spelling.canonicalDefault) == column.defaultValue.map(spelling.canonicalDefault) {
                        existing.defaultValue = column.defaultValue
                    }
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

    /// Whether the live column `live` is what the model's `declared` asks
    /// for: a type that satisfies it (as the database spells them, synonyms
    /// resolved; any integer column for Swift's `Int`, see
    /// ``ColumnSpelling/sameType(live:declared:)``), the same default and
    /// nullability.
    func sameColumn(_ live: ColumnMetadata, _ declared: ColumnMetadata) -> Bool {
        spelling.sameType(live: live.type, declared: declared.type)
            && live.nullable == declared.nullable
            && live.defaultValue.map(spelling.canonicalDefault) == declared.defaultValue.map(spelling.canonicalDefault)
    }

    func sameIndex(_ a: IndexMetadata, _ b: IndexMetadata) -> Bool {
        a.name == b.name && a.columns == b.columns && a.unique == b.unique
    }

    func sameForeignKey(_ a: ForeignKeyMetadata, _ b: ForeignKeyMetadata) -> Bool {
        a.columns == b.columns && a.referencedTable == b.referencedTable
            && a.referencedColumns == b.referencedColumns && a.onDelete == b.onDelete && a.onUpdate == b.onUpdate
    }
}

extension TableMetadata {
    /// The table with its columns renamed (former name by new name), in its
    /// columns, key, indexes and constraints.
    func renamingColumns(_ renames: [String: String]) -> TableMetadata {
        guard !renames.isEmpty else { return self }
        let newName = Dictionary(renames.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        func rename(_ names: [String]) -> [String] { names.map { newName[$0] ?? $0 } }
        var table = self
        for index in table.columns.indices { table.columns[index].name = newName[table.columns[index].name] ?? table.columns[index].name }
        table.primaryKey = rename(table.primaryKey)
        for index in table.indexes.indices { table.indexes[index].columns = rename(table.indexes[index].columns) }
        for index in table.uniqueConstraints.indices {
            table.uniqueConstraints[index].columns = rename(table.uniqueConstraints[index].columns)
        }
        for index in table.foreignKeys.indices { table.foreignKeys[index].columns = rename(table.foreignKeys[index].columns) }
        return table
    }
}
