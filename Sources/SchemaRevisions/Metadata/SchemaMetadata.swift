/// The whole schema a program expects: Alembic's `target_metadata`.
///
/// Built from the program's models (``SchemaMetadata/init(models:)``), or by
/// hand from ``TableMetadata`` values. The migration engine compares it with
/// a live database to find what changed.
public struct SchemaMetadata: Sendable, Hashable {
    /// The tables, in the order they were given.
    package var tables: [TableMetadata]

    /// A schema made of `tables`. Throws when two tables share a name.
    package init(tables: [TableMetadata]) throws {
        var seen = Set<String>()
        for table in tables where !seen.insert(table.name).inserted {
            throw MetadataError.duplicateTable(table.name)
        }
        self.tables = tables
    }

    /// The table called `name`, if the schema has one.
    public func table(named name: String) -> TableMetadata? {
        tables.first { $0.name == name }
    }

    /// The tables ordered so that every table comes after the tables its
    /// foreign keys reference: the order to create them in (and, reversed,
    /// to drop them in). Ties keep the given order; tables that reference
    /// each other in a cycle keep the given order among themselves.
    package var tablesInDependencyOrder: [TableMetadata] {
        Self.dependencyOrder(tables)
    }

    /// Orders `tables` so that referenced tables come first.
    package static func dependencyOrder(_ tables: [TableMetadata]) -> [TableMetadata] {
        let names = Set(tables.map(\.name))
        var remaining = tables
        var ordered: [TableMetadata] = []
        var placed = Set<String>()
        while !remaining.isEmpty {
            let readyIndex = remaining.firstIndex { table in
                table.foreignKeys.allSatisfy { fk in
                    fk.referencedTable == table.name || !names.contains(fk.referencedTable) || placed.contains(fk.referencedTable)
                }
            } ?? remaining.startIndex // a cycle: take the next one as given
            let table = remaining.remove(at: readyIndex)
            ordered.append(table)
            placed.insert(table.name)
        }
        return ordered
    }
}

/// A model that cannot be described as a table, and why.
package enum MetadataError: Error, CustomStringConvertible, Equatable {
    /// Two models (or tables) use the same table name.
    case duplicateTable(String)
    /// A property wrapper the engine does not know how to map to columns.
    case unsupportedProperty(model: String, property: String)
    /// A field whose Swift type has no obvious column type.
    case unknownColumnType(model: String, column: String, swiftType: String)
    /// A table argument names a column the table does not have.
    case unknownColumn(model: String, argument: String)
    /// A table argument's key path does not lead to a Fluent field.
    case notAField(model: String, argument: String)
    /// A rename declaration's former name is still one of the model's own.
    case formerNameInUse(model: String, argument: String, name: String)

    package var description: String {
        switch self {
        case .duplicateTable(let name):
            "Two models use the table name '\(name)'. Give each model its own `static let schema`."
        case .unsupportedProperty(let model, let property):
            "\(model) has a \(property) property, which SchemaRevisions cannot describe as columns yet. "
                + "Describe that table by hand with TableMetadata, or leave the model out of the target metadata."
        case .unknownColumnType(let model, let column, let swiftType):
            "\(model).\(column) is a \(swiftType), which has no obvious column type. "
                + "Say which in \(model).tableArguments: .type(\\.$\(column), .text) (or .json, .custom(\"...\"))."
        case .unknownColumn(let model, let argument):
            "\(model).tableArguments has \(argument), which names a column \(model) does not have."
        case .notAField(let model, let argument):
            "\(model).tableArguments has \(argument), whose key path does not lead to a Fluent field. "
                + "Use the projected value, with a $: \\.$email, not \\.email."
        case .formerNameInUse(let model, let argument, let name):
            "\(model).tableArguments has \(argument), but '\(name)' is still \(model)'s own name: "
                + "a rename's former name must be one the model no longer uses."
        }
    }
}
