import SchemaRevisions

/// The engine's errors say what happened; on the command line, the
/// message also says which command to run next. This is the one place that
/// adds it.
package enum CommandLineMessage {
    /// `error` as the command line prints it: the engine's words plus the
    /// next command, or the error's own description.
    package static func text(for error: any Error) -> String {
        switch error {
        case let error as ConnectionError:
            switch error {
            case .noDatabase:
                return "\(error) Run `upgrade head` to create it."
            case .notADatabase:
                return "\(error) Check the database URL (`DATABASE_URL` or the config's database_url), "
                    + "or restore the file from a backup."
            case .noPostgresDatabase:
                return "\(error) — then run `upgrade head`."
            case .authenticationFailed(let url, let reason):
                return "Cannot open the database \(url): \(reason). "
                    + "Check the user and password in the URL (DATABASE_URL or the config's database_url)."
            case .cannotOpen, .databaseLocked:
                return error.description
            }
        case let error as RunError:
            switch error {
            case .versionMoved:
                return "\(error) Run `current` to see where it is now."
            case .unmergedHeads:
                return "\(error) Run `merge heads -m \"…\"` to join them."
            case .databaseBehind, .stepFailed:
                return error.description
            }
        case let error as RevisionError:
            switch error {
            case .unknownRevision:
                return "\(error) Run `history` to list the revisions."
            case .multipleHeads:
                return "\(error) Run `merge heads -m \"…\"` to join them into one, or `upgrade heads` to apply every branch as it is."
            case .beyondHead:
                return "\(error) Run `upgrade head`."
            case .belowBase(_, let available) where available > 0:
                return "\(error) Run `downgrade base` to undo every revision."
            case .wrongDirection(let spec, let upgrade):
                return "'\(spec)' is \(upgrade ? "older" : "newer") than the database's revision; "
                    + "use `\(upgrade ? "downgrade" : "upgrade") \(spec)`."
            default:
                return error.description
            }
        case OfflineError.needsDatabase, OfflineError.renamedUnderView:
            return "\(error) Run the command on the database instead, with --dry-run: it runs the SQL, prints it and rolls it back."
        case OperationError.noSuchTable:
            return "\(error) Run `current` to see which revision the database is at."
        case OperationError.tableExists, OperationError.columnExists:
            // A rename onto a name the database already has: usually a revision applied twice, or by hand.
            return "\(error) Run `current` to see which revision the database is at."
        default:
            return String(describing: DatabaseErrorText.translated(error))
        }
    }

    /// `error`, as an error whose description is ``text(for:)``.
    package static func presented(_ error: any Error) -> any Error {
        switch error {
        case is ConnectionError, is RunError, is RevisionError, is OperationError, is OfflineError:
            CommandFailure(message: text(for: error))
        default:
            // A driver's error: the engine's own for it (a lock: say what to
            // do), else the driver's message, never its bare description.
            switch DatabaseErrorText.translated(error) {
            case let engine as ConnectionError: CommandFailure(message: text(for: engine))
            case let other: other
            }
        }
    }
}

extension CommandLineMessage {
    /// The warning for an applied revision whose file has changed since it
    /// ran: which, where, and the two ways out.
    package static func changedRevisionWarning(_ id: String, file: String?) -> String {
        "WARNING: Revision \(id)\(file.map { " (\($0))" } ?? "") has changed since it was applied to this database: "
            + "its operations are no longer the ones that ran, and a database upgraded from now on would differ from this one. "
            + "If the change is meant, run `repair \(id)` to accept it (nothing runs; to change what the database has, "
            + "write a new revision). Otherwise put the file back as it was\(file.map { " (`git checkout -- \($0)`)" } ?? "")."
    }

    /// The heading over the destructive-change lint's list.
    package static let destructiveChangesHeading = "Changes that can lose data or fail on existing rows:"

    /// `check`'s and `revision --autogenerate`'s list of `changes` that can
    /// lose data or fail on rows: the heading, then one line each — the
    /// engine's words, then what to do. No lines when there are none.
    package static func destructiveChangesList(_ changes: [DestructiveChange]) -> [String] {
        guard !changes.isEmpty else { return [] }
        return [destructiveChangesHeading] + changes.map { "  \($0). \(advice(for: $0))" }
    }

    /// What to do about one destructive change.
    package static func advice(for change: DestructiveChange) -> String {
        let column = change.columns.first ?? "..."
        switch change.risk {
        case .dropsTable:
            return "If you need the rows, copy them elsewhere in the revision first, or keep the table's model."
        case .dropsColumn:
            return "If you need the values, copy them elsewhere in the revision first, or keep the field."
        case .shortensString:
            return "Shorten them in the revision first (try await op.execute(\"UPDATE \(change.table) SET \(column) = ...\")), or keep the longer type."
        case .narrowsType, .changesTypeFamily:
            return "Check that they convert, and fix the ones that do not in the revision first (on PostgreSQL, "
                + "alterColumn's postgresqlUsing: says how), or keep the type."
        case .notNullOverNulls:
            return "Fill the rows in the revision first: try await op.execute(\"UPDATE \(change.table) SET \(column) = ... WHERE \(column) IS NULL\")."
        case .notNullWithoutDefault:
            return "Add a default, or fill the rows in the revision first (add the column nullable, fill it, then make it NOT NULL)."
        case .uniqueOverDuplicates:
            return "Remove or change the repeated values in the revision first."
        }
    }
}

extension CommandLineMessage {
    /// What to say about a database Alembic manages and the engine does not
    /// yet (`alembic`: its `alembic_version` rows): which revision Alembic
    /// recorded, and the command that adopts the database as it is (`stamp`,
    /// which changes neither schema nor rows), keeping `alembic_version` or
    /// dropping it. When no revision of `graph` has that id, how to match the
    /// schema with the models first. `program` goes before each command
    /// (`swift run lesson-6 `), empty on the command line itself.
    package static func alembicAdoption(_ alembic: [String], graph: RevisionGraph, program: String = "") -> String {
        let recorded = "Alembic manages this database: its alembic_version holds \(alembic.joined(separator: ", "))"
        let known = alembic.compactMap { id in graph.ordered.first { $0.id == id } }
        let spec: String? = known.count == alembic.count
            ? (alembic.count == 1 ? alembic[0] : (Set(alembic) == Set(graph.heads) ? "heads" : nil)) : nil
        guard let spec else {
            return "\(recorded), which no revision here has, so the schema must be matched with the models first. "
                + "Run `\(program)stamp head` (it records the revision, and changes nothing else), then `\(program)check`: "
                + "it lists what differs. Write a revision for that with `\(program)revision --autogenerate -m \"…\"`, "
                + "or take the stamp back with `\(program)stamp base`. alembic_version is left as it is; "
                + "`\(program)stamp head --drop-alembic-version` drops it."
        }
        let what = known.count == 1 ? ", a revision this history has too (\(known[0].message))" : ", the heads of this history too"
        return "\(recorded)\(what). To adopt the database as it is (its schema and rows do not change), "
            + "run `\(program)stamp \(spec)`, which leaves alembic_version to Alembic, "
            + "or `\(program)stamp \(spec) --drop-alembic-version`, which drops it; then `\(program)upgrade head`."
    }

    /// The line `check` and `revision --autogenerate` print for a live
    /// table the environment's filter leaves out:
    /// `Skipping table 'alembic_version': Alembic's version table, which no model owns.`
    package static func skipped(_ table: String, filter: TableFilter) -> String {
        "Skipping table '\(table)': \(filter.reason(forSkipping: table))."
    }
}

/// A command's failure, in the words the command line prints.
package struct CommandFailure: Error, CustomStringConvertible, Equatable {
    /// What the command line prints.
    package let message: String

    package var description: String { message }
}
