// Why `swift run lesson-3` refuses a database file made from an older model
// (see "Run it again" in Lessons/03-orm-model.md).
import Foundation
import SchemaRevisions

/// The database's tables are not what the models describe, and `create_all`
/// will not change them. The server stops with this message rather than
/// answer as the models do not promise (accept a duplicate email because the
/// file's table has no unique index, say).
struct OutdatedTables: Error, CustomStringConvertible {
    /// The database that was opened.
    let databaseURL: DatabaseURL
    /// What would turn the database's tables into the models' (the lines
    /// lesson 4's `revision --autogenerate` prints).
    let differences: [SchemaChange]

    var description: String {
        """
        The \(tables) table in \(databaseName) is not what the models describe. From the file to the models:
        \(differences.map { "  \($0)" }.joined(separator: "\n"))
        It was created from an earlier version of the models, and create_all never changes a table that exists: \
        it only creates missing ones. (Changing a table in place is what migrations are for: lesson 4.)
        \(howToStartClean)
        """
    }

    /// The tables that differ: `users`.
    var tables: String {
        Set(differences.map(\.table)).sorted().joined(separator: ", ")
    }

    /// The database as you would name it: `lesson-3.sqlite` for the default
    /// file in the working folder.
    var databaseName: String {
        guard case .sqliteFile(let path) = databaseURL else { return "\(databaseURL)" }
        let workingFolder = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(workingFolder) ? String(path.dropFirst(workingFolder.count)) : path
    }

    /// The commands that start over with an empty database.
    var howToStartClean: String {
        guard case .sqliteFile = databaseURL else {
            return "To start clean, point DATABASE_URL at an empty database, or drop the \(tables) table."
        }
        return """
            To start clean, delete the file; the next start creates the tables as the models describe them now:
                rm \(databaseName)
                swift run lesson-3
            """
    }
}
