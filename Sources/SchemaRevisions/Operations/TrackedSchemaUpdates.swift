import Foundation

extension TrackedSchema {
    /// Follows `operation` in the tracked schema, after it was rendered.
    package func apply(_ operation: SchemaOperation) {
        update { state in
            if case .execute(let sql) = operation {
                Self.follow(rawSQL: sql, in: &state)
                return
            }
            switch operation {
            case .createTable(let table):
                state.tables.append(table)
            case .dropTable(let name):
                state.tables.removeAll { $0.name == name }
                state.changedByRawSQL[name] = nil
                // DROP TABLE takes the table's triggers (`… ON name …`) with it.
                state.viewsAndTriggers.removeAll { object in
                    object.type == "trigger" && object.sql.range(
                        of: "(?i)\\sON\\s+[\"`\\[]?\(NSRegularExpression.escapedPattern(for: name))[\"`\\]]?\\s",
                        options: .regularExpression) != nil
                }
            case .renameTable(let name, let newName):
                for index in state.tables.indices {
                    if state.tables[index].name == name { state.tables[index].name = newName }
                    for key in state.tables[index].foreignKeys.indices where state.tables[index].foreignKeys[key].referencedTable == name {
                        state.tables[index].foreignKeys[key].referencedTable = newName
                    }
                }
                if let revision = state.changedByRawSQL.removeValue(forKey: name) { state.changedByRawSQL[newName] = revision }
                Self.markRenamed(name, in: &state)
            default:
                guard let tableName = operation.tableName,
                      let index = state.tables.firstIndex(where: { $0.name == tableName }) else { return }
                var table = state.tables[index]
                Self.change(&table, by: operation, in: &state.tables)
                state.tables[index] = table
                if case .renameColumn(_, let name, _) = operation { Self.markRenamed(name, in: &state) }
            }
        }
    }

    /// What a table-level operation does to `table` (and, for a renamed
    /// column, to the foreign keys of `tables` that reference it).
    private static func change(_ table: inout TableMetadata, by operation: SchemaOperation, in tables: inout [TableMetadata]) {
        switch operation {
        case .addColumn(_, let column):
            table.columns.append(column)
        case .dropColumn(_, let name):
            table.removeColumn(named: name)
        case .renameColumn(_, let name, let newName):
            let renamed: (String) -> String = { $0 == name ? newName : $0 }
            for index in table.columns.indices where table.columns[index].name == name { table.columns[index].name = newName }
            table.primaryKey = table.primaryKey.map(renamed)
            for index in table.indexes.indices { table.indexes[index].columns = table.indexes[index].columns.map(renamed) }
            for index in table.uniqueConstraints.indices {
                table.uniqueConstraints[index].columns = table.uniqueConstraints[index].columns.map(renamed)
            }
            let tableName = table.name
            for index in table.foreignKeys.indices {
                table.foreignKeys[index].columns = table.foreignKeys[index].columns.map(renamed)
                if table.foreignKeys[index].referencedTable == tableName {
                    table.foreignKeys[index].referencedColumns = table.foreignKeys[index].referencedColumns.map(renamed)
                }
            }
            for other in tables.indices where tables[other].name != tableName {
                for key in tables[other].foreignKeys.indices where tables[other].foreignKeys[key].referencedTable == tableName {
                    tables[other].foreignKeys[key].referencedColumns = tables[other].foreignKeys[key].referencedColumns.map(renamed)
                }
            }
        case .alterColumn(_, let name, let change):
            guard let index = table.columns.firstIndex(where: { $0.name == name }) else { return }
            table.columns[index].apply(change)
        case .createIndex(_, let index):
            table.indexes.append(index)
        case .dropIndex(_, let name):
            table.indexes.removeAll { $0.name == name }
        case .addUniqueConstraint(_, let unique):
            table.uniqueConstraints.append(unique)
        case .dropUniqueConstraint(_, let name):
            table.uniqueConstraints.removeAll { $0.name == name }
        case .addForeignKey(_, let key):
            table.foreignKeys.append(key)
        case .dropForeignKey(_, let name):
            table.foreignKeys.removeAll { $0.name == name }
        case .createTable, .dropTable, .renameTable, .execute:
            break
        }
    }

    /// Marks the views and triggers whose text names `name`, just renamed:
    /// SQLite rewrites their text, in a way only the database shows.
    private static func markRenamed(_ name: String, in state: inout State) {
        for object in state.viewsAndTriggers where names(name, in: object.sql) {
            state.renamedUnder[object.name] = state.revision
        }
    }

    /// Whether `sql` has `name` as a word (bare or quoted), in any case.
    private static func names(_ name: String, in sql: String) -> Bool {
        sql.range(of: "(?i)(^|[^A-Za-z0-9_])[\"`\\[]?\(NSRegularExpression.escapedPattern(for: name))[\"`\\]]?($|[^A-Za-z0-9_])",
                  options: .regularExpression) != nil
    }

    /// Raw SQL: views and triggers it creates or drops are kept (the SQLite
    /// rebuild puts them back); data changes (`INSERT`, `UPDATE`, …) leave
    /// the schema as it is; anything else that creates, alters or drops
    /// tables or indexes makes the tables it names unknown.
    private static func follow(rawSQL sql: String, in state: inout State) {
        let text = sql.trimmingCharacters(in: .whitespacesAndNewlines)
        let range = NSRange(text.startIndex..., in: text)
        if let match = viewOrTrigger.firstMatch(in: text, range: range),
           let verb = Range(match.range(at: 1), in: text), let kind = Range(match.range(at: 2), in: text),
           let name = Range(match.range(at: 3), in: text) {
            let type = text[kind].lowercased()
            let objectName = text[name].trimmingCharacters(in: CharacterSet(charactersIn: "\"`[]"))
            state.viewsAndTriggers.removeAll { $0.type == type && $0.name == objectName }
            state.renamedUnder[objectName] = nil
            if text[verb].uppercased() == "CREATE" {
                state.viewsAndTriggers.append(SchemaObject(type: type, name: objectName, sql: text))
            }
            return
        }
        guard schemaChange.firstMatch(in: text, range: range) != nil else { return }
        var named = Set(state.tables.map(\.name).filter { names($0, in: text) })
        for match in createdTable.matches(in: text, range: range) {
            if let name = Range(match.range(at: 1), in: text) {
                named.insert(text[name].trimmingCharacters(in: CharacterSet(charactersIn: "\"`[]")))
            }
        }
        for name in named { state.changedByRawSQL[name] = state.revision }
    }

    // `CREATE [TEMP] VIEW|TRIGGER [IF NOT EXISTS] name` or `DROP VIEW|TRIGGER [IF EXISTS] name`, at the start.
    private static let viewOrTrigger = try! NSRegularExpression(
        pattern: #"^(CREATE|DROP)\s+(?:TEMP\s+|TEMPORARY\s+)?(VIEW|TRIGGER)\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?("[^"]+"|`[^`]+`|\[[^\]]+\]|[\w.]+)"#,
        options: [.caseInsensitive])
    // DDL on tables or indexes anywhere in the text.
    private static let schemaChange = try! NSRegularExpression(
        pattern: #"\b(CREATE|ALTER|DROP)\s+(?:TEMP\s+|TEMPORARY\s+|UNIQUE\s+)?(TABLE|INDEX)\b"#, options: [.caseInsensitive])
    // `CREATE TABLE [IF NOT EXISTS] name`.
    private static let createdTable = try! NSRegularExpression(
        pattern: #"\bCREATE\s+(?:TEMP\s+|TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?("[^"]+"|`[^`]+`|\w+)"#,
        options: [.caseInsensitive])
}

extension SchemaOperation {
    /// The table a table-level operation changes.
    var tableName: String? {
        switch self {
        case .addColumn(let table, _), .dropColumn(let table, _), .renameColumn(let table, _, _), .alterColumn(let table, _, _),
             .createIndex(let table, _), .dropIndex(let table, _), .addUniqueConstraint(let table, _),
             .dropUniqueConstraint(let table, _), .addForeignKey(let table, _), .dropForeignKey(let table, _):
            table
        case .createTable, .dropTable, .renameTable, .execute:
            nil
        }
    }
}
