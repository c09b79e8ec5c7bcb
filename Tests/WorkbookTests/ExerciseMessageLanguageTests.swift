import ExerciseMessages
import Foundation
import Testing
import WorkbookTesting

@Suite("Exercise messages speak the learner's language")
struct ExerciseMessageLanguageTests {
    let root = workbookRoot()

    @Test("WORKBOOK_LANG decides; without it a Russian locale does; English otherwise")
    func choosing() {
        #expect(WorkbookLanguage.from(environment: [:]) == .english)
        #expect(WorkbookLanguage.from(environment: ["WORKBOOK_LANG": "ru"]) == .russian)
        #expect(WorkbookLanguage.from(environment: ["WORKBOOK_LANG": "en", "LANG": "ru_RU.UTF-8"]) == .english)
        #expect(WorkbookLanguage.from(environment: ["LANG": "ru_RU.UTF-8"]) == .russian)
        #expect(WorkbookLanguage.from(environment: ["LANG": "C.UTF-8"]) == .english)
        #expect(WorkbookLanguage.from(environment: ["LC_ALL": "en_US.UTF-8", "LANG": "ru_RU.UTF-8"]) == .english)
        #expect(WorkbookLanguage.from(environment: ["LC_ALL": "", "LC_MESSAGES": "ru_RU.UTF-8"]) == .russian)
    }

    @Test("the Russian message keeps the marker, says what is missing in Russian and names the Russian note")
    func russianMessage() {
        let text = ExerciseMessage.text(lesson: 1, file: "Exercises/01-first-steps/Items.swift",
                                        missing: "GET /items/{item_id} is not written yet", language: .russian)
        #expect(text == "TODO(lesson 1): GET /items/{item_id} ещё не написан. Напишите это в "
                + "Exercises/01-first-steps/Items.swift — как это сделать, объясняет заметка "
                + "Lessons/ru/01-first-steps.md (раздел «Упражнение»).")
        // Every lesson has its twin; a number with no note points at the lessons folder.
        for lesson in ExerciseMessage.notes.keys {
            #expect(ExerciseMessage.note(forLesson: lesson, in: .russian).hasPrefix("Lessons/ru/"),
                     "lesson \(lesson) has no Russian twin in ExerciseMessage.russianNotes")
        }
        #expect(ExerciseMessage.text(lesson: 9, file: "X.swift", missing: "Y", language: .english)
                == #"TODO(lesson 9): Y. Write it in X.swift — the note Lessons/ explains how (section "Exercise")."#)
    }

    @Test("every Russian note a message points at exists, and twins an English one")
    func russianNotesExist() {
        for (lesson, path) in ExerciseMessage.russianNotes {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path),
                    "lesson \(lesson)'s Russian note \(path) does not exist")
            #expect(ExerciseMessage.notes[lesson] == LessonNotes.original(ofTwin: path))
        }
    }

    @Test("every exercise's `missing:` has its Russian words")
    func everyMissingTranslated() throws {
        var missing: Set<String> = []
        for folder in ["Exercises", "Solutions"] {
            let base = root.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8)
                for match in text.matches(of: /missing: "([^"]+)"/) {
                    missing.insert(String(match.1))
                }
            }
        }
        #expect(!missing.isEmpty)
        let untranslated = missing.filter { ExerciseMessage.russianMissing[$0] == nil }.sorted()
        #expect(untranslated.isEmpty, "add these to ExerciseMessage.russianMissing: \(untranslated)")
    }
}
