import Foundation

/// What an unfinished exercise says, for every lesson, in one place: lesson
/// 0's plain-Swift error and the server lessons' `501` answers
/// (`Workbook.ExerciseTODO`) word it the same way from here, in the
/// learner's language (``WorkbookLanguage``).
///
/// This module depends on nothing but Foundation, so lesson 0 can use it and
/// still build without Vapor.
public enum ExerciseMessage {
    /// The marker every exercise message starts with, `TODO(lesson 3)`, in
    /// every language; the checks, `swift run workbook` and `.ci/run` look for it.
    public static func marker(lesson: Int) -> String { "TODO(lesson \(lesson))" }

    /// The whole message: what is missing, where to write it, what to read.
    ///
    /// ```swift
    /// ExerciseMessage.text(lesson: 1, file: "Exercises/01-first-steps/Items.swift",
    ///                      missing: "GET /items/{item_id} is not written yet", language: .english)
    /// // TODO(lesson 1): GET /items/{item_id} is not written yet. Write it in
    /// // Exercises/01-first-steps/Items.swift — the note Lessons/01-first-steps.md
    /// // explains how (section "Exercise").
    /// ```
    ///
    /// In Russian (`WORKBOOK_LANG=ru`), `missing` is looked up in
    /// ``russianMissing`` and the note is the Russian twin, when there is one:
    ///
    ///     TODO(lesson 1): GET /items/{item_id} ещё не написан. Напишите его в
    ///     Exercises/01-first-steps/Items.swift — как это сделать, объясняет
    ///     заметка Lessons/ru/01-first-steps.md (раздел «Упражнение»).
    public static func text(lesson: Int, file: String, missing: String,
                            language: WorkbookLanguage = .current) -> String {
        switch language {
        case .english:
            "\(marker(lesson: lesson)): \(missing). Write it in \(file) — "
                + "the note \(note(forLesson: lesson)) explains how (section \"Exercise\")."
        case .russian:
            "\(marker(lesson: lesson)): \(Self.missing(missing, in: .russian)). Напишите это в \(file) — "
                + "как это сделать, объясняет заметка \(note(forLesson: lesson, in: .russian)) (раздел «Упражнение»)."
        }
    }

    /// The words a check puts before an exercise's message when it stops there.
    public static func notDoneYet(in language: WorkbookLanguage = .current) -> String {
        switch language {
        case .english: "Exercise not done yet."
        case .russian: "Упражнение ещё не сделано."
        }
    }

    /// Lesson number → its note's path, relative to the kit's root. Kept
    /// here (not derived) so a message never points at a file that does
    /// not exist; `WorkbookTests` checks every entry exists.
    public static let notes: [Int: String] = [
        0: "Lessons/00-swift-for-python.md",
        1: "Lessons/01-first-steps.md",
        2: "Lessons/02-project-layout.md",
        3: "Lessons/03-orm-model.md",
        4: "Lessons/04-migration-setup.md",
        5: "Lessons/05-migrations.md",
        6: "Lessons/06-users-service.md",
    ]

    /// The folder of the notes' Russian twins, relative to the kit's root.
    public static let russianNotesFolder = "Lessons/ru"

    /// The Russian twin of the English note at `note` (relative to the kit's
    /// root): `Lessons/03-orm-model.md` → `Lessons/ru/03-orm-model.md`. The
    /// one place the kit spells that rule; the checks and `workbook` use it.
    public static func russianTwin(ofNote note: String) -> String {
        russianNotesFolder + "/" + (note as NSString).lastPathComponent
    }

    /// Lesson number → its note's Russian twin (``russianTwin(ofNote:)`` of
    /// each of ``notes``; `WorkbookTests` checks every one exists).
    public static var russianNotes: [Int: String] { notes.mapValues(russianTwin(ofNote:)) }

    /// The note for `lesson` in `language`, or the lessons folder when the number is unknown.
    public static func note(forLesson lesson: Int, in language: WorkbookLanguage = .english) -> String {
        guard let note = notes[lesson] else { return "Lessons/" }
        return language == .russian ? russianTwin(ofNote: note) : note
    }

    /// What each exercise says is missing (the `missing:` of its
    /// `ExerciseTODO`), in Russian. `WorkbookTests` checks every `missing:`
    /// in `Exercises/` has its line here.
    public static let russianMissing: [String: String] = [
        "parseLimit is not written yet": "parseLimit ещё не написана",
        "SignUp cannot read full_name yet": "SignUp пока не умеет читать full_name",
        "loadProfile is not written yet": "loadProfile ещё не написана",
        "GET /items/{item_id} is not written yet": "GET /items/{item_id} ещё не написан",
        "GET /items?skip=&limit= is not written yet": "GET /items?skip=&limit= ещё не написан",
        "the User model does not declare its indexes yet (ix_users_id, and ix_users_email unique)":
            "модель User ещё не объявляет свои индексы (ix_users_id и уникальный ix_users_email)",
        "target_metadata is not set: the migration engine does not know the User model yet":
            "target_metadata не задан: движок миграций ещё не знает модель User",
        "POST /login is not written yet": "POST /login ещё не написан",
    ]

    /// `missing` in `language` (as written when it has no translation yet).
    public static func missing(_ missing: String, in language: WorkbookLanguage) -> String {
        language == .russian ? russianMissing[missing] ?? missing : missing
    }
}

/// The language the kit speaks to the learner: exercise messages, the
/// notes they point at.
public enum WorkbookLanguage: String, Sendable, CaseIterable {
    case english = "en"
    case russian = "ru"

    /// The learner's choice: `WORKBOOK_LANG` (`ru` or `en`) when set, else
    /// the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: the first one set) when
    /// it is Russian (`ru_RU.UTF-8`); English otherwise.
    public static func from(environment: [String: String]) -> WorkbookLanguage {
        if let chosen = environment["WORKBOOK_LANG"], !chosen.isEmpty {
            return chosen.lowercased().hasPrefix("ru") ? .russian : .english
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let locale = environment[name], !locale.isEmpty {
                return locale.lowercased().hasPrefix("ru") ? .russian : .english
            }
        }
        return .english
    }

    /// The language this process was started with (``from(environment:)``).
    public static var current: WorkbookLanguage {
        from(environment: ProcessInfo.processInfo.environment)
    }

    /// The same words in this language: `english`, or `russian`. The kit
    /// writes each of its messages in both, side by side, where it says them:
    ///
    /// ```swift
    /// WorkbookLanguage.current.say("Its checks pass.", russian: "Его проверки проходят.")
    /// ```
    public func say(_ english: String, russian: String) -> String {
        switch self {
        case .english: english
        case .russian: russian
        }
    }
}
