/// Renames the diff writes as renames, where it would otherwise drop a
/// table or column and add an empty one: the model's declarations
/// (``TableArgument/renamedTable(from:)``, ``TableArgument/renamedColumn(from:to:)``),
/// plus those given on the command line (`--rename`) or confirmed at its
/// question.
///
/// A rename applies only while the live schema has the former name and
/// not the new one, and the models have the new name and not the former:
/// once applied, a declaration changes nothing.
package struct RenameHints: Sendable, Hashable {
    /// Former table names, by new name.
    package var tables: [String: String] = [:]
    /// Former column names, by table (its new name) and new column name.
    package var columns: [String: [String: String]] = [:]

    /// No renames.
    package init() {}

    /// `table` was called `formerName`.
    package mutating func renameTable(_ formerName: String, to table: String) {
        tables[table] = formerName
    }

    /// `table.column` was called `formerName`.
    package mutating func renameColumn(_ formerName: String, to column: String, on table: String) {
        columns[table, default: [:]][column] = formerName
    }

    /// Adds `candidate`, confirmed.
    package mutating func add(_ candidate: RenameCandidate) {
        switch candidate {
        case .table(let from, let to): renameTable(from, to: to)
        case .column(let table, let from, let to): renameColumn(from, to: to, on: table)
        }
    }

    /// These hints and `other`'s; `other` wins where both name a new name.
    package func merging(_ other: RenameHints) -> RenameHints {
        var merged = self
        merged.tables.merge(other.tables) { $1 }
        for (table, renames) in other.columns {
            merged.columns[table, default: [:]].merge(renames) { $1 }
        }
        return merged
    }

    /// The renames `target`'s models declare.
    package static func declared(in target: SchemaMetadata) -> RenameHints {
        var hints = RenameHints()
        for table in target.tables {
            if let former = table.modelNotes.formerName { hints.renameTable(former, to: table.name) }
            for (column, former) in table.modelNotes.formerColumnNames {
                hints.renameColumn(former, to: column, on: table.name)
            }
        }
        return hints
    }
}

/// A table or column the diff would drop while adding one of the same
/// shape: perhaps a rename, which only a person (or a declaration) can tell.
package enum RenameCandidate: Sendable, Hashable {
    /// A dropped table and an added one with the same columns.
    case table(from: String, to: String)
    /// A dropped column and an added one, on the same table, with the same
    /// type, nullability and default.
    case column(table: String, from: String, to: String)
}

/// The renames that apply between a live schema and a target, and the live
/// schema as it reads once they are made.
struct RenamePlan {
    /// Table renames, in the target's order: former name → new name.
    var tables: [(from: String, to: String)] = []
    /// Column renames by table (new name): new column name → former name.
    var columns: [String: [String: String]] = [:]
    /// The live schema with the renamed tables under their new names, and
    /// foreign keys that reference a renamed table or column following it,
    /// as both databases make them follow. Columns keep their former names
    /// here: each table's diff maps them (``SchemaDiff/changes(from:to:columnRenames:)``).
    var live: SchemaMetadata

    init(live original: SchemaMetadata, target: SchemaMetadata, hints: RenameHints) {
        live = original
        let liveNames = Set(original.tables.map(\.name))
        let targetNames = Set(target.tables.map(\.name))
        for table in target.tables {
            guard let former = hints.tables[table.name], former != table.name,
                  !liveNames.contains(table.name), liveNames.contains(former), !targetNames.contains(former),
                  !tables.contains(where: { $0.from == former }) else { continue }
            tables.append((former, table.name))
        }
        let newTableName = Dictionary(tables.map { ($0.from, $0.to) }, uniquingKeysWith: { first, _ in first })
        for index in live.tables.indices {
            live.tables[index].name = newTableName[live.tables[index].name] ?? live.tables[index].name
        }

        for table in target.tables {
            guard let existing = live.table(named: table.name), let renames = hints.columns[table.name] else { continue }
            for column in table.columns {
                guard let former = renames[column.name], former != column.name,
                      existing.column(named: column.name) == nil, existing.column(named: former) != nil,
                      table.column(named: former) == nil,
                      columns[table.name]?.values.contains(former) != true else { continue }
                columns[table.name, default: [:]][column.name] = former
            }
        }

        // Foreign keys follow a renamed table or column.
        for index in live.tables.indices {
            for keyIndex in live.tables[index].foreignKeys.indices {
                var key = live.tables[index].foreignKeys[keyIndex]
                key.referencedTable = newTableName[key.referencedTable] ?? key.referencedTable
                if let renames = columns[key.referencedTable] {
                    let newName = Dictionary(renames.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
                    key.referencedColumns = key.referencedColumns.map { newName[$0] ?? $0 }
                }
                live.tables[index].foreignKeys[keyIndex] = key
            }
        }
    }
}

extension SchemaDiff {
    /// Tables and columns the diff would drop while adding others of the same
    /// shape, after `renames` (and the target's declared renames) are made:
    /// same type, nullability and default for a column; the same columns for
    /// a table. Each dropped and each added one is paired at most once, in
    /// the target's order.
    package func renameCandidates(from live: SchemaMetadata, to target: SchemaMetadata,
                                  renames: RenameHints = RenameHints()) -> [RenameCandidate] {
        let plan = RenamePlan(live: live, target: target, hints: RenameHints.declared(in: target).merging(renames))
        var candidates: [RenameCandidate] = []

        var droppedTables = plan.live.tables.filter { target.table(named: $0.name) == nil }
        for table in target.tables where plan.live.table(named: table.name) == nil {
            guard let match = droppedTables.firstIndex(where: { sameColumns($0, table) }) else { continue }
            candidates.append(.table(from: droppedTables[match].name, to: table.name))
            droppedTables.remove(at: match)
        }

        for table in target.tables {
            guard let existing = plan.live.table(named: table.name) else { continue }
            let renames = plan.columns[table.name] ?? [:]
            let renamedFormer = Set(renames.values)
            var dropped = existing.columns.filter { table.column(named: $0.name) == nil && !renamedFormer.contains($0.name) }
            for column in table.columns where existing.column(named: column.name) == nil && renames[column.name] == nil {
                guard let match = dropped.firstIndex(where: { sameColumn($0, column) }) else { continue }
                candidates.append(.column(table: table.name, from: dropped[match].name, to: column.name))
                dropped.remove(at: match)
            }
        }
        return candidates
    }

    /// The same column names, each the same column.
    func sameColumns(_ a: TableMetadata, _ b: TableMetadata) -> Bool {
        a.columns.count == b.columns.count
            && a.columns.allSatisfy { column in b.column(named: column.name).map { sameColumn(column, $0) } ?? false }
    }
}
