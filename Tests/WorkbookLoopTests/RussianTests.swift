import ExerciseMessages
import Foundation
import Testing
@testable import WorkbookLoop

/// `output` as the checks print it with `WORKBOOK_LANG=ru`: each exercise's
/// `↳ Exercise not done yet. TODO(lesson N): … Write it in F — the note …`
/// line as ``ExerciseMessage`` words it in Russian (a line of another shape
/// keeps its text after the Russian prefix).
func inRussian(_ output: String) -> String {
    let prefix = "↳ " + ExerciseMessage.notDoneYet(in: .english) + " "
    return output.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        guard line.hasPrefix(prefix) else { return String(line) }
        let todo = line.dropFirst(prefix.count)
        let russianPrefix = "↳ " + ExerciseMessage.notDoneYet(in: .russian) + " "
        guard let colon = todo.range(of: "): "), let write = todo.range(of: ". Write it in "),
              let dash = todo.range(of: " — the note "),
              let lesson = Int(todo[todo.index(todo.startIndex, offsetBy: "TODO(lesson ".count)..<colon.lowerBound])
        else { return russianPrefix + todo }
        return russianPrefix + ExerciseMessage.text(lesson: lesson, file: String(todo[write.upperBound..<dash.lowerBound]),
                                                    missing: String(todo[colon.upperBound..<write.lowerBound]),
                                                    language: .russian)
    }.joined(separator: "\n")
}

/// The note files of `Lessons/ru/` (lesson 5's twin is not written yet).
let russianTwinFiles = ["00-swift-for-python.md", "01-first-steps.md", "02-project-layout.md", "03-orm-model.md",
                        "04-migration-setup.md", "06-users-service.md", "glossary.md"]

/// The six lessons as a Russian reader sees them: the twins' notes and titles
/// (lesson 5, without a twin, keeps its English note and title).
let russianLessons: [Lesson] = zip(Kit.russianTwins(of: sixLessons, twinFiles: russianTwinFiles),
                                   ["Первые шаги", "Структура проекта", "ORM-модель", "Настраиваем миграции",
                                    "The migration workflow", "Сервис пользователей целиком"]).map { lesson, title in
    var lesson = lesson
    lesson.title = title
    return lesson
}

/// Results per lesson, in Russian, read from a captured run of all six lessons.
func russianOutcome(of output: String) -> CheckOutcome {
    CheckOutcome(results: Attribution.results(of: TestRunOutput.parse(output), exitCode: 1, output: output,
                                              lessons: [1, 2, 3, 4, 5, 6], testFiles: [:], language: .russian),
                 compileErrors: nil)
}

@Suite("In Russian (WORKBOOK_LANG=ru)")
struct RussianTests {
    let lesson1Todo = "↳ Упражнение ещё не сделано. TODO(lesson 1): GET /items/{item_id} ещё не написан. Напишите это в "
        + "Exercises/01-first-steps/Items.swift — как это сделать, объясняет заметка Lessons/ru/01-first-steps.md (раздел «Упражнение»)."

    @Test("the language comes from WORKBOOK_LANG, else a Russian locale")
    func choosing() {
        #expect(WorkbookLanguage.from(environment: ["WORKBOOK_LANG": "ru"]) == .russian)
        #expect(WorkbookLanguage.from(environment: ["LANG": "ru_RU.UTF-8"]) == .russian)
        #expect(WorkbookLanguage.from(environment: ["WORKBOOK_LANG": "en", "LANG": "ru_RU.UTF-8"]) == .english)
        #expect(WorkbookLanguage.from(environment: [:]) == .english)
    }

    @Test("a Russian check's TODO line is the exercise's message: the lesson is not done, the line kept whole")
    func parsing() {
        let output = inRussian(Samples.exercisesTrackAllLessons)
        #expect(output.contains("\n" + lesson1Todo + "\n"))
        #expect(!output.contains("Exercise not done yet."))
        let results = russianOutcome(of: output).results
        for lesson in 1...6 {
            #expect(results[lesson]?.status == .notDone)
            #expect(results[lesson]?.message?.hasPrefix("↳ Упражнение ещё не сделано. TODO(lesson \(lesson)): ") == true)
        }
        #expect(results[1]?.message == lesson1Todo)
        let alone = Attribution.results(of: TestRunOutput.parse(inRussian(Samples.exercisesLesson1)), exitCode: 1,
                                        output: "", lessons: [1], testFiles: [:], language: .russian)
        #expect(alone[1] == LessonResult(status: .notDone, message: lesson1Todo))
    }

    @Test("a failure that is not the exercise's message is broken, and said in Russian")
    func broken() {
        let results = russianOutcome(of: inRussian(Samples.solutionsWithWrongAnswers)).results
        #expect(results[1]?.status == .broken && results[2] == .done)
        #expect(results[1]?.message?.hasPrefix("""
            ✘ Тест "exercise: a non-integer id is a 422 that names item_id" не прошёл:
              ↳ the 422 should say which parameter is wrong
            """) == true)
        let mixed = Attribution.classify(lesson: 5, issues: [
            ReportedIssue(test: #""a""#, file: nil, message: "Issue recorded", details: ["Упражнение ещё не сделано. TODO(lesson 5): добавьте столбец."]),
            ReportedIssue(test: #""b""#, file: nil, message: "Expectation failed: (n → 2) == 1", details: []),
        ], language: .russian)
        #expect(mixed.status == .broken)
        #expect(mixed.message == "↳ Упражнение ещё не сделано. TODO(lesson 5): добавьте столбец.")
        #expect(mixed.details == [#"✘ Тест "b" не прошёл: Expectation failed: (n → 2) == 1"#])
        let crash = Attribution.results(of: TestRunOutput.parse(Samples.crash), exitCode: 1, output: Samples.crash,
                                        lessons: [7], testFiles: [:], language: .russian)[7]
        #expect(crash?.message == "Проверки упали: Lesson07Tests/Lesson07Tests.swift:10: Fatal error: boom in test")
        let stopped = Attribution.results(of: TestRunOutput.parse(""), exitCode: 1, output: "",
                                          lessons: [7], testFiles: [:], language: .russian)[7]
        #expect(stopped?.message == "Проверки остановились, не дойдя до конца (swift test завершился с кодом 1).")
    }

    @Test("progress: Russian words, the twins' titles and notes, the check's Russian TODO")
    func progress() {
        let text = Report.progress(lessons: russianLessons, outcome: russianOutcome(of: inRussian(Samples.exercisesTrackAllLessons)),
                                   language: .russian)
        #expect(text == """
            Практикум по серверному Swift — готово уроков: 0 из 6
            [░░░░░░░░░░] 0/6

              ➜ Урок 1  Первые шаги                   текущий
              · Урок 2  Структура проекта             не начат
              · Урок 3  ORM-модель                    не начат
              · Урок 4  Настраиваем миграции          не начат
              · Урок 5  The migration workflow        не начат
              · Урок 6  Сервис пользователей целиком  не начат

            Сейчас: урок 1, Первые шаги
              \(lesson1Todo)

              Читайте:   Lessons/ru/01-first-steps.md
              Затем:     swift run workbook watch     (проверяет урок 1 заново при каждом сохранении)
              Застряли?  swift run workbook hint 1
            """)
        let all = CheckOutcome(results: Dictionary(uniqueKeysWithValues: (1...6).map { ($0, LessonResult.done) }))
        let done = Report.progress(lessons: russianLessons, outcome: all, language: .russian)
        #expect(done.hasPrefix("Практикум по серверному Swift — готово уроков: 6 из 6\n[██████████] 6/6\n\n  ✔ Урок 1  Первые шаги                   пройден\n"))
        #expect(done.hasSuffix("\nВсе уроки пройдены. `swift run workbook verify` проверит их все ещё раз."))
    }

    @Test("progress with a compile error, in Russian")
    func progressCompileError() {
        let outcome = Checker.buildFailed(output: Samples.compileError, lessons: russianLessons, root: "/tmp/kit-sample",
                                          language: .russian)
        #expect(outcome.results[3]?.message == "Урок 3 не компилируется.")
        let text = Report.progress(lessons: russianLessons, outcome: outcome, doneBefore: [1, 2], language: .russian)
        #expect(text.contains("""
            Сейчас: урок 3, ORM-модель
              Урок 3 не компилируется, поэтому ни одна проверка не может запуститься. Компилятор пишет:
                Exercises/03-orm-model/Models/User.swift:5:9: error: cannot find 'undefinedThing' in scope
              Исправьте эти ошибки, сохраните и проверьте снова.
            """))
        #expect(Report.compileErrorLines(nil, language: .russian)
                == ["  Его проверки не удалось запустить. Почему — подробно покажет `swift test`."])
    }

    @Test("verify, in Russian: done, not done with the TODO, broken, not checked")
    func verify() {
        let three = Array(russianLessons.prefix(3))
        let start = Report.verify(lessons: three, outcome: russianOutcome(of: inRussian(Samples.exercisesTrackAllLessons)),
                                  language: .russian)
        #expect(start.hasPrefix("""
            · Урок 1  Первые шаги        не пройден
                \(lesson1Todo)
            · Урок 2  Структура проекта  не пройден
            """))
        #expect(start.hasSuffix("\n\nГотово уроков: 0 из 3."))
        let wrong = Report.verify(lessons: three, outcome: russianOutcome(of: inRussian(Samples.solutionsWithWrongAnswers)),
                                  language: .russian)
        #expect(wrong.hasPrefix("""
            ✘ Урок 1  Первые шаги        сломан
                ✘ Тест "exercise: a non-integer id is a 422 that names item_id" не прошёл:
            """))
        #expect(wrong.contains("\n✔ Урок 2  Структура проекта  пройден\n✘ Урок 3  ORM-модель         сломан\n"))
        #expect(wrong.hasSuffix("\n\nГотово уроков: 1 из 3."))
        let outcome = Checker.buildFailed(output: Samples.compileError, lessons: three, root: "/tmp/kit-sample", language: .russian)
        #expect(Report.verify(lessons: three, outcome: outcome, language: .russian) == """
            ? Урок 1  Первые шаги        не проверен (практикум не собирается)
            ? Урок 2  Структура проекта  не проверен (практикум не собирается)
            ✘ Урок 3  ORM-модель         сломан: не компилируется
                Exercises/03-orm-model/Models/User.swift:5:9: error: cannot find 'undefinedThing' in scope

            Готово уроков: 0 из 3.
            """)
    }

    @Test("watch, in Russian: the screen, the banners, and each check announced")
    func watch() async throws {
        let lesson = russianLessons[0]
        let screen = WatchScreen.render(lesson: lesson, outcome: russianOutcome(of: inRussian(Samples.exercisesTrackAllLessons)),
                                        banner: nil, language: .russian)
        #expect(screen == """
            Урок 1, Первые шаги — Exercises/01-first-steps/

              \(lesson1Todo)

            Читайте Lessons/ru/01-first-steps.md, правьте Exercises/01-first-steps/ и сохраняйте: проверки запустятся снова.
            Застряли? swift run workbook hint 1   ·   Ctrl-C останавливает наблюдение.
            """)
        #expect(WatchScreen.doneBanner(lesson: lesson, next: russianLessons[1], language: .russian)
                == "✔ Урок 1 пройден! Дальше — урок 2, Структура проекта: читайте Lessons/ru/02-project-layout.md.")
        #expect(WatchScreen.doneBanner(lesson: russianLessons[5], next: nil, language: .russian)
                == "✔ Урок 6 пройден — и это был последний урок. Отличная работа!")

        let kit = Kit(root: URL(fileURLWithPath: "/nonexistent-kit"), lessons: Array(russianLessons.prefix(2)), language: .russian)
        var shown: [String] = []
        let loop = WatchLoop(
            kit: kit,
            checker: Checker(kit: kit, runner: ScriptedRunner([ProcessOutput(status: 0, output: Samples.lesson1Passing)]),
                             scratchPath: nil, say: { _ in }),
            show: { shown.append($0) }, clear: {}, waitForSave: { _ in }, record: { _ in })
        #expect(try await loop.run(from: 0, once: true))
        #expect(shown == ["Проверяю урок 1…",
                          "✔ Урок 1 пройден! Дальше — урок 2, Структура проекта: читайте Lessons/ru/02-project-layout.md."])
    }

    @Test("hint N, in Russian: the framing around the twin's hints")
    func hints() {
        let lesson = russianLessons[0]
        let hints = ["Первая.", "Вторая,\nв две строки."]
        #expect(Hints.next(lesson: lesson, hints: hints, shownBefore: 0, language: .russian) == ("""
            Урок 1, подсказка 1 из 2:

              Первая.

            Всё ещё не получается? Следующая подсказка: swift run workbook hint 1
            """, 1))
        #expect(Hints.next(lesson: lesson, hints: hints, shownBefore: 1, language: .russian) == ("""
            Урок 1, подсказка 2 из 2:

              Вторая,
              в две строки.

            Это была последняя подсказка. Готовая версия — в Solutions/01-first-steps/.
            """, 2))
        #expect(Hints.next(lesson: lesson, hints: hints, shownBefore: 2, language: .russian) == ("""
            Вы уже видели все подсказки к уроку 1 (их 2).
            Готовая версия — в Solutions/01-first-steps/: сравните её со своей Exercises/01-first-steps/
            или запустите её: WORKBOOK=solutions swift run lesson-1
            Чтобы читать подсказки снова с первой: swift run workbook hint 1 --again
            """, 2))
        #expect(Hints.next(lesson: lesson, hints: [], shownBefore: 0, language: .russian).text == """
            У урока 1 нет подсказок. Упражнение объясняет его заметка, Lessons/ru/01-first-steps.md (раздел «Упражнение»);
            готовая версия — в Solutions/01-first-steps/.
            """)
    }

    @Test("reset N, in Russian: the question, a «да», what was done, and the refusals")
    func reset() async throws {
        let plan = ResetPlan(lesson: russianLessons[2], language: .russian)
        #expect(plan.question == "Сбросить урок 3? Ваши изменения в Exercises/03-orm-model/ пропадут [y/N] ")
        #expect(ResetPlan.isYes("да") && ResetPlan.isYes(" Д ") && !ResetPlan.isYes("нет"))
        #expect(ResetPlan.noTerminal(lesson: 3, language: .russian) == """
            Урок 3 не сброшен: нет терминала, чтобы сначала спросить вас.
            Чтобы сбросить его без вопроса: swift run workbook reset 3 --yes
            """)
        #expect(ResetPlan.after(lesson: 3, language: .russian) == [
            "Подсказки к уроку 3 снова начнутся с первой.",
            "Дальше: swift run workbook watch --lesson 3",
        ])
        try await withTemporaryFolder { root in
            try write("db", to: "lesson-3.sqlite", in: root)
            let git = FakeRunner([(prefix: ["git", "rev-parse"], output: ProcessOutput(status: 0, output: "true\n"))])
            #expect(try await plan.run(in: root, runner: git) == [
                "Exercises/03-orm-model/ снова в исходном состоянии (как в последнем коммите git).",
                "Удалены: lesson-3.sqlite.",
            ])

            let noGit = FakeRunner([(prefix: ["git", "rev-parse"], output: ProcessOutput(status: 128, output: "fatal: not a git repository"))])
            let error = await #expect(throws: ResetError.self) { try await plan.run(in: root, runner: noGit) }
            #expect(error?.description == """
                Урок 3 не сбросить: эта копия практикума — не рабочая копия git, и вернуться
                не к чему. Либо скопируйте Exercises/03-orm-model/ из свежей загрузки практикума поверх
                своей папки, либо получите практикум через `git clone` и работайте в этой копии.
                """)

            let failing = FakeRunner([
                (prefix: ["git", "rev-parse"], output: ProcessOutput(status: 0, output: "true\n")),
                (prefix: ["git", "checkout"], output: ProcessOutput(status: 1, output: "error: pathspec\n")),
            ])
            let failed = await #expect(throws: ResetError.self) { try await plan.run(in: root, runner: failing) }
            #expect(failed?.description == """
                Не удалось сбросить урок 3: `git checkout HEAD -- Exercises/03-orm-model` завершилась с ошибкой:
                error: pathspec
                Ваши файлы остались такими же, как до этой команды.
                """)
        }
    }

    @Test("the workbook's own errors, in Russian")
    func errors() {
        #expect(WorkbookError.noSuchLesson(9, known: [0, 1, 2], .russian).description == "Урока 9 нет. Есть уроки 0, 1, 2.")
        #expect(WorkbookError.noSuchLesson(9, known: [0, 1, 2], .english).description == "There is no lesson 9. The lessons are 0, 1, 2.")
        #expect(WorkbookError.notInKit("/tmp", .russian).description.hasSuffix(
            "Перейдите (cd) в папку практикума (ту, где лежит README.md) и запустите команду снова."))
        #expect(Checker.firstBuildMessage(in: .russian) == "Собираю проверки практикума — первая сборка занимает несколько минут…")
    }

    @Test("the kit in Russian: each lesson's note is its twin in Lessons/ru/, its title the twin's heading")
    func kit() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let kit = try Kit(root: root, language: .russian)
        #expect(kit.language == .russian)
        let first = try #require(kit.lessons.first)
        #expect(first.notePath == "Lessons/ru/00-swift-for-python.md")
        #expect(first.title == "Swift для Python-разработчика")
        #expect(try kit.lesson(1).title == "Первые шаги")
        // Every twin is used; a lesson without one keeps its English note.
        for lesson in kit.lessons {
            let name = (lesson.notePath.map { ($0 as NSString).lastPathComponent }) ?? ""
            let twin = FileManager.default.fileExists(atPath: root.appendingPathComponent("Lessons/ru/\(name)").path)
            #expect(lesson.notePath == (twin ? "Lessons/ru/\(name)" : "Lessons/\(name)"))
        }
        #expect(try Kit(root: root).lessons.first?.notePath == "Lessons/00-swift-for-python.md")

        try await withTemporaryFolder { root in
            try write("// swift-tools-version:6.1", to: "Package.swift", in: root)
            try write("# Lesson 3 — The ORM model: SQLAlchemy's `User`, in Fluent\n", to: "Lessons/03-orm-model.md", in: root)
            try write("# Урок 3 — ORM-модель: `User` из SQLAlchemy на Fluent\n", to: "Lessons/ru/03-orm-model.md", in: root)
            try write("# Lesson 5 — The migration workflow: `revision`\n", to: "Lessons/05-migrations.md", in: root)
            try write("// x", to: "Exercises/03-orm-model/Models/User.swift", in: root)
            try write("// x", to: "Exercises/05-migrations/Models/User.swift", in: root)
            let russian = try Kit.find(from: root.appendingPathComponent("Exercises"), language: .russian)
            #expect(russian.lessons.map(\.title) == ["ORM-модель", "The migration workflow"])
            #expect(russian.lessons.map(\.notePath) == ["Lessons/ru/03-orm-model.md", "Lessons/05-migrations.md"])
            let error = #expect(throws: WorkbookError.self) { try russian.lesson(4) }
            #expect(error?.description == "Урока 4 нет. Есть уроки 3, 5.")
        }
    }
}

/// A string literal in Swift source: its text (interpolations shown as `·`),
/// its line, and whether it is an argument of a `say(` call.
struct SourceLiteral: Equatable {
    var text: String
    var line: Int
    var inSay: Bool
}

/// The string literals of `source`, found by a small lexer: comments are
/// skipped, `"…"` and `"""…"""` literals read, `\(…)` interpolations followed
/// (their code can hold parentheses and literals of its own).
func stringLiterals(in source: String) -> [SourceLiteral] {
    enum Frame { case paren(isSay: Bool), interpolation(SourceLiteral, triple: Bool) }
    let chars = Array(source)
    var literals: [SourceLiteral] = []
    var stack: [Frame] = []
    var current: (literal: SourceLiteral, triple: Bool)?
    var line = 1
    var index = 0
    func starts(_ text: String, at position: Int) -> Bool {
        let pattern = Array(text)
        return position + pattern.count <= chars.count && Array(chars[position..<position + pattern.count]) == pattern
    }
    func insideSay() -> Bool {
        stack.contains { if case .paren(isSay: true) = $0 { true } else { false } }
    }
    while index < chars.count {
        let char = chars[index]
        if char == "\n" { line += 1 }
        if let open = current {
            var literal = open.literal
            let triple = open.triple
            if char == "\\" && index + 1 < chars.count {
                if chars[index + 1] == "(" {
                    literal.text += "·"
                    stack.append(.interpolation(literal, triple: triple))
                    current = nil
                } else {
                    if chars[index + 1] == "\n" { line += 1 }
                    literal.text += String(chars[index...index + 1])
                    current = (literal, triple)
                }
                index += 2
                continue
            }
            if triple ? starts("\"\"\"", at: index) : char == "\"" {
                literals.append(literal)
                current = nil
                index += triple ? 3 : 1
                continue
            }
            literal.text.append(char)
            current = (literal, triple)
            index += 1
            continue
        }
        if starts("//", at: index) {
            while index < chars.count && chars[index] != "\n" { index += 1 }
            continue
        }
        if char == "\"" {
            let triple = starts("\"\"\"", at: index)
            current = (SourceLiteral(text: "", line: line, inSay: insideSay()), triple)
            index += triple ? 3 : 1
            continue
        }
        if char == "(" {
            let isSay = index >= 3 && String(chars[index - 3..<index]) == "say"
                && (index == 3 || !(chars[index - 4].isLetter || chars[index - 4].isNumber))
            stack.append(.paren(isSay: isSay))
        } else if char == ")", let frame = stack.popLast(), case .interpolation(let literal, let triple) = frame {
            current = (literal, triple)
        }
        index += 1
    }
    return literals
}

@Suite("No English-only message")
struct EnglishOnlyTests {
    /// Swift Testing's, SwiftPM's and the compiler's own words, which the
    /// workbook looks for in their output (not words it says).
    static let patterns: Set<String> = [
        "Test run with ", "✘ Test run with ", "✔ Test run with ", " recorded an issue", "Issue recorded",
        "Test run started.", "failed due to signal", "unexpected signal", "program crashed", "segmentation fault",
        "error: Process ", "Fatal error:", "Test Suite '", "Test Case '", "✘ Test ",
    ]

    /// Whether a literal reads as English words: two words of letters in a row.
    static func isEnglishWords(_ text: String) -> Bool {
        text.range(of: "[A-Za-z]{2,}[,.;:!?']? [A-Za-z]{2,}", options: .regularExpression) != nil
    }

    @Test("the lexer: literals, interpolations, comments and say(")
    func lexer() {
        let source = #"""
            // "not a literal"
            let a = "one two" // "nor this"
            x.say("in say \(f("nested call"))", russian: "по-русски")
            print("""
                block \(n)
                """)
            """#
        #expect(stringLiterals(in: source) == [
            SourceLiteral(text: "one two", line: 2, inSay: false),
            SourceLiteral(text: "nested call", line: 3, inSay: true),
            SourceLiteral(text: "in say ·", line: 3, inSay: true),
            SourceLiteral(text: "по-русски", line: 3, inSay: true),
            SourceLiteral(text: "\n    block ·\n    ", line: 4, inSay: false),
        ])
        #expect(Self.isEnglishWords("Its checks pass.") && !Self.isEnglishWords("--scratch-path") && !Self.isEnglishWords("Package.swift"))
    }

    @Test("every sentence in Sources/WorkbookLoop is said in both languages (inside say(_:russian:))")
    func everyMessageIsBilingual() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/WorkbookLoop")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
        #expect(files.count >= 10)
        var englishOnly: [String] = []
        for file in files {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for literal in stringLiterals(in: source)
            where !literal.inSay && Self.isEnglishWords(literal.text) && !Self.patterns.contains(literal.text) {
                englishOnly.append("\(file):\(literal.line): \"\(literal.text)\"")
            }
        }
        #expect(englishOnly == [], "English-only messages: write each with language.say(_:russian:)")
    }
}
