import FluentKit

/// A Fluent model that describes its whole table, so that the migration
/// engine can create it and diff it against a database.
///
/// Fluent's property wrappers already say each column's name and Swift type
/// (so its SQL type and nullability), the primary key, and foreign keys
/// (`@Parent`). What they cannot say — indexes, unique constraints, defaults,
/// a type other than the obvious one, foreign-key actions — goes in
/// `tableArguments`, next to the fields, with key paths to them:
///
/// ```swift
/// extension User: TableModel {
///     static var tableArguments: [TableArgument<User>] {
///         [
///             .index(\.$id),                 // Column(..., index=True)
///             .index(\.$email, unique: true), // Column(..., unique=True, index=True)
///         ]
///     }
/// }
/// ```
///
/// The name mirrors SQLAlchemy's `__table_args__`.
public protocol TableModel: Model {
    /// Indexes, unique constraints, defaults, types and foreign-key actions
    /// the fields themselves cannot declare, and former names of the table
    /// and its columns (renames that keep data). Empty by default.
    static var tableArguments: [TableArgument<Self>] { get }
}

extension TableModel {
    /// No extra declarations.
    public static var tableArguments: [TableArgument<Self>] { [] }
}

/// One declaration about a model's table, made with key paths to the
/// model's Fluent properties (`\.$email`), so a renamed field is a compile
/// error here rather than a wrong migration later.
public struct TableArgument<M: Model> {
    enum Kind {
        case index(unique: Bool, name: String?)
        case unique(name: String?)
        case defaultValue(ColumnDefault)
        case type(ColumnType)
        case foreignKey(onDelete: ForeignKeyAction, onUpdate: ForeignKeyAction)
        case renamedColumn(from: String)
        case renamedTable(from: String)
    }

    let kind: Kind
    let keyPaths: [AnyKeyPath]
    /// The declaration's name and the arguments after the key paths, to
    /// spell it in error messages: ("index", ", unique: true").
    let spelling: (name: String, rest: String)
    /// The arguments before the key paths, if any: `from: "fullname", to: `.
    var lead = ""

    /// How the declaration reads in the model, for error messages:
    /// `.index(\User.$email, unique: true)`. Key paths do not know the names
    /// of the properties they lead to, so the names come from the model's
    /// `Mirror`: the property wrapper stored as `_email` is `$email`.
    func spelled(in instance: M) -> String {
        let mirror = Mirror(reflecting: instance)
        let names = keyPaths.map { path -> String in
            let target = instance[keyPath: path] as AnyObject
            let label = mirror.children.first { ($0.value as AnyObject) === target }?.label
            return "\\\(M.self).$" + (label.map { String($0.dropFirst()) } ?? "?")
        }
        return ".\(spelling.name)(\(lead)\(names.joined(separator: ", "))\(spelling.rest))"
    }

    /// An index on one or more columns: SQLAlchemy's `index=True`
    /// (`unique: true` for `unique=True, index=True`). Named
    /// `ix_<table>_<columns>` unless `name` is given.
    public static func index<each P: AnyDatabaseProperty>(
        _ columns: repeat KeyPath<M, each P>, unique: Bool = false, name: String? = nil
    ) -> Self {
        let paths = collect(repeat each columns)
        return Self(kind: .index(unique: unique, name: name), keyPaths: paths,
                    spelling: ("index", unique ? ", unique: true" : ""))
    }

    /// A `UNIQUE` constraint on one or more columns together: SQLAlchemy's
    /// `UniqueConstraint(...)` (or `unique=True` without `index=True`).
    /// Named `uq_<table>_<columns>` unless `name` is given.
    public static func unique<each P: AnyDatabaseProperty>(
        _ columns: repeat KeyPath<M, each P>, name: String? = nil
    ) -> Self {
        let paths = collect(repeat each columns)
        return Self(kind: .unique(name: name), keyPaths: paths, spelling: ("unique", ""))
    }

    /// A server-side default: SQLAlchemy's `server_default=`.
    public static func defaultValue<P: AnyDatabaseProperty>(_ column: KeyPath<M, P>, _ value: ColumnDefault) -> Self {
        Self(kind: .defaultValue(value), keyPaths: [column], spelling: ("defaultValue", ", \(value)"))
    }

    /// A column type other than the one the Swift type implies:
    /// `.type(\.$email, .string(length: 255))` for SQLAlchemy's `String(255)`,
    /// `.type(\.$id, .int64)` for an `Int` whose width matters
    /// (`BigInteger`): without it, an integer column of any width satisfies
    /// an `Int`.
    public static func type<P: AnyDatabaseProperty>(_ column: KeyPath<M, P>, _ type: ColumnType) -> Self {
        Self(kind: .type(type), keyPaths: [column], spelling: ("type", ", .\(type)"))
    }

    /// What the database does to this table's rows when the row a `@Parent`
    /// points at is deleted or its key updated: `ForeignKey(..., ondelete="CASCADE")`.
    public static func foreignKey<P: AnyDatabaseProperty>(
        _ parent: KeyPath<M, P>, onDelete: ForeignKeyAction = .noAction, onUpdate: ForeignKeyAction = .noAction
    ) -> Self {
        Self(kind: .foreignKey(onDelete: onDelete, onUpdate: onUpdate), keyPaths: [parent],
             spelling: ("foreignKey", ", onDelete: .\(onDelete)"))
    }

    /// The column was called `from` until now: autogenerate renames it
    /// (`ALTER TABLE … RENAME COLUMN`), keeping its data, where it would
    /// otherwise drop `from` and add an empty column. Alembic has no such
    /// declaration; there you write `op.alter_column(..., new_column_name=...)`
    /// by hand. Once the rename is applied the declaration changes nothing,
    /// so it may stay.
    ///
    /// ```swift
    /// .renamedColumn(from: "fullname", to: \.$fullName)
    /// ```
    public static func renamedColumn<P: AnyDatabaseProperty>(from formerName: String, to column: KeyPath<M, P>) -> Self {
        Self(kind: .renamedColumn(from: formerName), keyPaths: [column], spelling: ("renamedColumn", ""),
             lead: "from: \"\(formerName)\", to: ")
    }

    /// The table was called `from` until now: autogenerate renames it
    /// (`ALTER TABLE … RENAME TO`), keeping its rows, where it would
    /// otherwise drop `from` and create an empty table (Alembic's
    /// `op.rename_table`, written by hand there). Once the rename is applied
    /// the declaration changes nothing, so it may stay.
    public static func renamedTable(from formerName: String) -> Self {
        Self(kind: .renamedTable(from: formerName), keyPaths: [], spelling: ("renamedTable", ""),
             lead: "from: \"\(formerName)\"")
    }

    private static func collect<each P>(_ columns: repeat KeyPath<M, each P>) -> [AnyKeyPath] {
        var paths: [AnyKeyPath] = []
        for column in repeat each columns {
            paths.append(column)
        }
        return paths
    }
}
