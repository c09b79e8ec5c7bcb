import FluentKit

// Reads a Fluent model's property wrappers into a TableMetadata.
//
// Fluent keeps what each property wrapper maps to (its field keys, its value
// type) but offers no schema description of a model: its own migrations are
// written by hand. Each property wrapper type below is taught to report its
// columns through `ColumnReflecting`.

/// A column as one property wrapper reports it, before table arguments apply.
struct ReflectedColumn {
    var name: String
    var swiftType: Any.Type
    var nullable: Bool
    var primaryKey = false
    /// For `@Parent`: the referenced table and column.
    var references: (table: String, column: String)?
}

/// A Fluent property wrapper that knows which columns it stands for.
protocol ColumnReflecting {
    var reflectedColumns: [ReflectedColumn] { get }
}

/// `@ID`: the primary key column.
protocol PrimaryKeyReflecting {
    var primaryKeyColumn: String { get }
}

extension IDProperty: ColumnReflecting, PrimaryKeyReflecting {
    var primaryKeyColumn: String { key.description }
    var reflectedColumns: [ReflectedColumn] {
        [ReflectedColumn(name: key.description, swiftType: Value.self, nullable: false, primaryKey: true)]
    }
}

extension FieldProperty: ColumnReflecting {
    var reflectedColumns: [ReflectedColumn] {
        let (type, nullable) = unwrapOptional(Value.self)
        return [ReflectedColumn(name: key.description, swiftType: type, nullable: nullable)]
    }
}

extension OptionalFieldProperty: ColumnReflecting {
    var reflectedColumns: [ReflectedColumn] {
        [ReflectedColumn(name: key.description, swiftType: WrappedValue.self, nullable: true)]
    }
}

extension ParentProperty: ColumnReflecting {
    var reflectedColumns: [ReflectedColumn] {
        [ReflectedColumn(name: $id.key.description, swiftType: To.IDValue.self, nullable: false,
                         references: (To.schema, primaryKeyColumn(of: To.self)))]
    }
}

extension OptionalParentProperty: ColumnReflecting {
    var reflectedColumns: [ReflectedColumn] {
        [ReflectedColumn(name: $id.key.description, swiftType: To.IDValue.self, nullable: true,
                         references: (To.schema, primaryKeyColumn(of: To.self)))]
    }
}

extension TimestampProperty: ColumnReflecting {
    var reflectedColumns: [ReflectedColumn] {
        [ReflectedColumn(name: $timestamp.key.description, swiftType: Format.Value.self, nullable: true)]
    }
}

extension BooleanProperty: ColumnReflecting {
    var reflectedColumns: [ReflectedColumn] {
        [ReflectedColumn(name: $field.key.description, swiftType: Format.Value.self, nullable: false)]
    }
}

extension OptionalBooleanProperty: ColumnReflecting {
    var reflectedColumns: [ReflectedColumn] {
        [ReflectedColumn(name: $field.key.description, swiftType: Format.Value.self, nullable: true)]
    }
}

extension EnumProperty: ColumnReflecting {
    var reflectedColumns: [ReflectedColumn] {
        [ReflectedColumn(name: field.key.description, swiftType: String.self, nullable: false)]
    }
}

extension OptionalEnumProperty: ColumnReflecting {
    var reflectedColumns: [ReflectedColumn] {
        [ReflectedColumn(name: field.key.description, swiftType: String.self, nullable: true)]
    }
}

// Relations stored in other tables: no columns here.
extension ChildrenProperty: ColumnReflecting { var reflectedColumns: [ReflectedColumn] { [] } }
extension OptionalChildProperty: ColumnReflecting { var reflectedColumns: [ReflectedColumn] { [] } }
extension SiblingsProperty: ColumnReflecting { var reflectedColumns: [ReflectedColumn] { [] } }

/// The name of `M`'s primary key column (`id` unless `@ID(custom:)` says otherwise).
func primaryKeyColumn<M: Model>(of model: M.Type) -> String {
    M().properties.lazy.compactMap { ($0 as? any PrimaryKeyReflecting)?.primaryKeyColumn }.first ?? "id"
}

extension TableMetadata {
    /// The table a Fluent model describes: its fields as columns (Swift
    /// types → column types, optionals → nullable), `@ID` as the primary key,
    /// `@Parent` as foreign keys, and — for a ``TableModel`` — its
    /// ``TableModel/tableArguments``.
    ///
    /// Throws ``MetadataError`` for what cannot be described, saying how to fix it.
    package init<M: Model>(model: M.Type) throws {
        let instance = M()
        let modelName = String(describing: M.self)
        let table = M.schema

        var columns: [ColumnMetadata] = []
        var primaryKey: [String] = []
        var foreignKeys: [ForeignKeyMetadata] = []
        for property in instance.properties {
            guard let reflecting = property as? any ColumnReflecting else {
                if property is any AnyDatabaseProperty {
                    throw MetadataError.unsupportedProperty(model: modelName, property: String(describing: type(of: property)))
                }
                continue
            }
            for column in reflecting.reflectedColumns {
                guard let columnType = ColumnType.forSwiftType(column.swiftType) else {
                    throw MetadataError.unknownColumnType(model: modelName, column: column.name,
                                                          swiftType: String(describing: column.swiftType))
                }
                columns.append(ColumnMetadata(name: column.name, type: columnType, nullable: column.nullable))
                if column.primaryKey { primaryKey.append(column.name) }
                if let references = column.references {
                    foreignKeys.append(ForeignKeyMetadata(
                        name: Naming.foreignKey(table: table, columns: [column.name], referencedTable: references.table),
                        columns: [column.name], referencedTable: references.table, referencedColumns: [references.column]
                    ))
                }
            }
        }
        self.init(name: table, columns: columns, primaryKey: primaryKey, foreignKeys: foreignKeys)
        modelNotes.modelName = modelName
        modelNotes.propertyNames = Self.propertyNames(of: instance)

        if let described = M.self as? any TableModel.Type {
            try applyArguments(of: described, to: instance, modelName: modelName)
        }
    }

    private mutating func applyArguments<T: TableModel>(of model: T.Type, to instance: some Model, modelName: String) throws {
        guard let instance = instance as? T else { return }
        for argument in T.tableArguments {
            var names: [String] = []
            for path in argument.keyPaths {
                guard let property = instance[keyPath: path] as? any AnyDatabaseProperty,
                      let key = property.keys.first else {
                    throw MetadataError.notAField(model: modelName, argument: argument.spelled(in: instance))
                }
                let name = key.description
                guard column(named: name) != nil else {
                    throw MetadataError.unknownColumn(model: modelName, argument: argument.spelled(in: instance))
                }
                names.append(name)
            }
            switch argument.kind {
            case .index(let unique, let name):
                indexes.append(IndexMetadata(name: name ?? Naming.index(table: self.name, columns: names),
                                             columns: names, unique: unique))
            case .unique(let name):
                uniqueConstraints.append(UniqueConstraintMetadata(
                    name: name ?? Naming.unique(table: self.name, columns: names), columns: names))
            case .defaultValue(let value):
                updateColumn(names[0]) { $0.defaultValue = value }
            case .type(let type):
                updateColumn(names[0]) { $0.type = type }
            case .foreignKey(let onDelete, let onUpdate):
                guard let index = foreignKeys.firstIndex(where: { $0.columns == names }) else {
                    throw MetadataError.unknownColumn(model: modelName, argument: argument.spelled(in: instance) + " (not a @Parent)")
                }
                foreignKeys[index].onDelete = onDelete
                foreignKeys[index].onUpdate = onUpdate
            case .renamedColumn(let formerName):
                guard column(named: formerName) == nil else {
                    throw MetadataError.formerNameInUse(model: modelName, argument: argument.spelled(in: instance), name: formerName)
                }
                modelNotes.formerColumnNames[names[0]] = formerName
            case .renamedTable(let formerName):
                guard formerName != self.name else {
                    throw MetadataError.formerNameInUse(model: modelName, argument: argument.spelled(in: instance), name: formerName)
                }
                modelNotes.formerName = formerName
            }
        }
    }

    /// Each column's Swift property name, by column name: the property
    /// wrapper stored as `_fullName` is `fullName`.
    private static func propertyNames(of instance: some Model) -> [String: String] {
        var names: [String: String] = [:]
        for child in Mirror(reflecting: instance).children {
            guard let label = child.label, label.hasPrefix("_"),
                  let property = child.value as? any AnyDatabaseProperty else { continue }
            for key in property.keys {
                names[key.description] = String(label.dropFirst())
            }
        }
        return names
    }

    private mutating func updateColumn(_ name: String, _ change: (inout ColumnMetadata) -> Void) {
        if let index = columns.firstIndex(where: { $0.name == name }) {
            change(&columns[index])
        }
    }
}

extension SchemaMetadata {
    /// The target metadata of a list of Fluent models: Alembic's
    /// `target_metadata = Base.metadata`, made explicit.
    ///
    /// ```swift
    /// let target = try SchemaMetadata(models: User.self, Post.self)
    /// ```
    public init<each M: Model>(models: repeat (each M).Type) throws {
        var tables: [TableMetadata] = []
        for model in repeat each models {
            tables.append(try TableMetadata(model: model))
        }
        try self.init(tables: tables)
    }
}

extension SchemaMetadata {
    /// The target metadata of a list of models known only at run time.
    public init(models: [any Model.Type]) throws {
        func describe<M: Model>(_ model: M.Type) throws -> TableMetadata { try TableMetadata(model: model) }
        try self.init(tables: models.map { try describe($0) })
    }
}
