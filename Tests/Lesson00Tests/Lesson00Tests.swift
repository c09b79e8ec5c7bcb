import ExerciseMessages
import Foundation
import Testing
@testable import Lesson00

/// Lesson 0 — Swift for a Python developer. See Lessons/00-swift-for-python.md.
@Suite("Lesson 0: Swift for a Python developer")
struct Lesson00Tests {
    // MARK: The primer's examples (pass before the exercises are done)

    @Test("1. values and optionals: let, var, ??, if let, guard let")
    func valuesAndOptionalsExamples() {
        #expect(valuesAndOptionals() == ["Ada visited 2 times", #"["swift", "python", "vapor"]"#, "anonymous", "0", "true", #"["ada": 1]"#])
        #expect(greeting(fullName: nil) == "Hello, stranger")
        #expect(greeting(fullName: "Ada") == "Hello, Ada")
        #expect(describeAge(of: "ada", in: ["ada": 36]) == "ada is 36")
        #expect(describeAge(of: "bob", in: ["ada": 36]) == "nobody called bob")
        // `??` replaces nil only; Python's `or` would also replace "".
        let empty: String? = ""
        #expect((empty ?? "anonymous") == "")
    }

    @Test("1. the ternary, ranges, boolean guard, comma-joined conditions, ?. and as?")
    func conditionsAndRanges() {
        #expect(choicesAndRanges(visits: 2) == ["2 visits", "[1, 2, 3]", "[0, 1, 2]", #"got "abc""#])
        #expect(choicesAndRanges(visits: 1)[0] == "1 visit")
        let passwords = ["ada@example.com": "secret"]
        #expect(checkLogin(email: "", password: "secret", in: passwords) == "email is required")
        #expect(checkLogin(email: "bob@example.com", password: "secret", in: passwords) == "wrong email or password")
        #expect(checkLogin(email: "ada@example.com", password: "wrong", in: passwords) == "wrong email or password")
        #expect(checkLogin(email: "ada@example.com", password: "secret", in: passwords) == "welcome, ada@example.com")
        #expect(chainingAndCasts(fullName: "Ada", value: 7) == ["3", "7"])
        #expect(chainingAndCasts(fullName: nil, value: "7") == ["0", "0"], explain("?. on nil gives nil, and a String is not an Int",
                                                                                   russian: "?. на nil даёт nil, а String — это не Int"))
    }

    @Test("2. a struct is copied, a class is shared")
    func valueAndReferenceSemantics() {
        let (draft, copy, row) = copiesAndSharing()
        #expect(draft == "Foo", explain("changing a copy of a struct leaves the original alone",
                                        russian: "изменение копии структуры не трогает оригинал"))
        #expect(copy == "Bar")
        #expect(row == "ada@lovelace.dev", explain("a class instance is shared: a change through one name shows through every name",
                                                   russian: "экземпляр класса общий: изменение через одно имя видно через все имена"))

        // The same, written out: a struct passed to a function is a copy too.
        func renamed(_ draft: ItemDraft) -> ItemDraft {
            var draft = draft
            draft.name = "Renamed"
            return draft
        }
        let original = ItemDraft(name: "Foo", price: 10)
        #expect(renamed(original).name == "Renamed" && original.name == "Foo")
        // A class instance passed to a function is the same object.
        func rename(_ user: UserRow) { user.email = "renamed@example.com" }
        let user = UserRow(email: "ada@example.com")
        rename(user)
        #expect(user.email == "renamed@example.com")
        #expect(ItemDraft.maximumPrice == 1_000)
    }

    @Test("2. static members, computed properties, leading dots and .init")
    func membersAndLeadingDots() {
        #expect(leadingDots() == [1, 2, 3])
        #expect(Page.starting(at: 60).number == 4)
        #expect(Page.size == 20 && Page.start.offset == 0)
    }

    @Test("2. enums carry values; switch handles every case")
    func enumsAndSwitch() {
        #expect(describe(.success(userID: 7)) == "logged in as user 7")
        #expect(describe(.wrongPassword) == "wrong password")
        #expect(describe(.unknownEmail("bob@example.com")) == "no account for bob@example.com")
    }

    @Test("3. argument labels, default values, closures and trailing closures")
    func functionsAndClosures() {
        #expect(closures() == ["Hello, Ada", "Hi, Ada", "HI", #"["ada", "bob", "cy"]"#, "[3, 3, 2]"])
        #expect(email(from: UserRow(email: "ada@example.com")) == "ada@example.com")
        #expect(routerExample() == "Hello, Ada")
        #expect(MiniRouter().handle("/nope", name: "Ada") == nil)
        var tags = ["swift"]
        addTag("vapor", to: &tags)
        #expect(tags == ["swift", "vapor"], explain("an inout parameter changes the caller's variable",
                                                    russian: "inout-параметр меняет переменную вызывающего кода"))
        #expect(functionsAsValues() == ["ada@example.com", "bob@example.com"])
    }

    @Test("3. an async closure")
    func asyncClosures() async throws {
        #expect(try await asyncClosure() == 9)
    }

    @Test("4. throw, try, do/catch, try?")
    func errors() {
        #expect(errorsExample() == ["ada@example.com", "caught 404: User not found", "try? gives nil"])
        #expect(throws: HTTPError.self) { try findUser(7) }
        #expect("\(HTTPError(status: 404, detail: "User not found"))" == "404 User not found")
        #expect(certainAndDeferred() == ["ada@example.com", "nobody"])
    }

    @Test("4. the exercises' TODO message has the kit's shape")
    func todoMessage() {
        let todo = ExerciseTODO(lesson: 0, file: "Exercises/00-swift-for-python/Limit.swift",
                                missing: "parseLimit is not written yet")
        switch WorkbookLanguage.current {
        case .english:
            #expect("\(todo)" == #"TODO(lesson 0): parseLimit is not written yet. Write it in Exercises/00-swift-for-python/Limit.swift — the note Lessons/00-swift-for-python.md explains how (section "Exercise")."#)
        case .russian:
            #expect("\(todo)" == "TODO(lesson 0): parseLimit ещё не написана. Напишите это в Exercises/00-swift-for-python/Limit.swift — как это сделать, объясняет заметка Lessons/ru/00-swift-for-python.md (раздел «Упражнение»).")
        }
    }

    @Test("5. await, async let, task groups")
    func asyncAndAwait() async throws {
        #expect(try await asyncExample() == [4, 9, 16, 25, 36, 49])
    }

    @Test("6. protocols, extensions, Codable")
    func protocolsAndCodable() throws {
        #expect(English().greet("Ada") == "Hello, Ada")
        #expect(" Ada@Example.com ".normalizedEmail == "ada@example.com")
        #expect("\(ItemDraft(name: "Foo", price: 10))" == "Foo (10)")
        #expect(try codableExample() == ["5", "true", #"{"item_id":5}"#, "true"])
        #expect(ItemJSON(itemID: 5, q: nil) != ItemJSON(itemID: 5, q: "x"), explain("Equatable's == compares every property",
                                                                                    russian: "== из Equatable сравнивает все свойства"))
    }

    @Test("7. a property wrapper, its projected value and a key path")
    func propertyWrappers() {
        #expect(propertyWrapperExample() == ["ada@example.com", "email", "full_name"])
        #expect(columnName(\.$email) == "email")
    }

    @Test("9. generics, some and any")
    func generics() throws {
        #expect(try genericsExample() == ["[3, 1]", "7", "Bonjour, Ada", "Hello, Ada", "Bonjour, Ada"])
        #expect(firstPage(["a", "b", "c"], limit: 5) == ["a", "b", "c"])
        #expect(try decode(Int.self, from: "42") == 42)
    }

    // MARK: Exercise 1 (Exercises/00-swift-for-python/Limit.swift)

    @Test("exercise 1: no ?limit= means the default, 20")
    func limitDefault() async {
        guard let result = await outcome(of: { try parseLimit(nil) }) else { return }
        switch result {
        case .success(let limit):
            #expect(limit == 20, explain("parseLimit(nil) should return the default, 20, as `limit: int = 20` does; it returned \(limit)",
                                         russian: "parseLimit(nil) должна возвращать значение по умолчанию, 20, как `limit: int = 20`; она вернула \(limit)"))
        case .failure(let error):
            Issue.record(explain("parseLimit(nil) should return the default, 20: a missing ?limit= is not an error. It threw: \(error)",
                                 russian: "parseLimit(nil) должна возвращать значение по умолчанию, 20: отсутствие ?limit= — не ошибка. Она выбросила: \(error)"))
        }
    }

    @Test("exercise 1: a number in 1...100 is the limit", arguments: ["1", "50", "100"])
    func limitInRange(_ text: String) async {
        guard let result = await outcome(of: { try parseLimit(text) }) else { return }
        switch result {
        case .success(let limit):
            #expect(limit == Int(text), explain("parseLimit(\"\(text)\") should return \(text), got \(limit)",
                                                russian: "parseLimit(\"\(text)\") должна возвращать \(text), а вернула \(limit)"))
        case .failure(let error):
            Issue.record(explain("parseLimit(\"\(text)\") should return \(text): 1...100 includes both ends, so \(text) is allowed. It threw: \(error)",
                                 russian: "parseLimit(\"\(text)\") должна возвращать \(text): 1...100 включает оба конца, так что \(text) допустимо. Она выбросила: \(error)"))
        }
    }

    @Test("exercise 1: a limit that is not an integer is a LimitError that names it", arguments: ["abc", "4.5", "ten"])
    func limitNotAnInteger(_ text: String) async {
        guard let result = await outcome(of: { try parseLimit(text) }) else { return }
        expectLimitError(result, input: text, namesRange: false)
    }

    @Test("exercise 1: a limit outside 1...100 is a LimitError that names it and the range", arguments: ["0", "101", "500", "-3"])
    func limitOutOfRange(_ text: String) async {
        guard let result = await outcome(of: { try parseLimit(text) }) else { return }
        expectLimitError(result, input: text, namesRange: true)
    }

    private func expectLimitError(_ result: Result<Int, any Error>, input: String, namesRange: Bool,
                                  sourceLocation: SourceLocation = #_sourceLocation) {
        switch result {
        case .success(let limit):
            Issue.record(explain("parseLimit(\"\(input)\") should throw a LimitError, as FastAPI answers 422, not return a value: it returned \(limit)",
                                 russian: "parseLimit(\"\(input)\") должна выбрасывать LimitError (FastAPI здесь отвечает 422), а не возвращать значение: она вернула \(limit)"),
                         sourceLocation: sourceLocation)
        case .failure(let error as LimitError):
            let message = error.message
            #expect(message.contains(input),
                    explain("the LimitError's message should name the input \"\(input)\", so the reader sees what was wrong; got: \(message)",
                            russian: "сообщение LimitError должно называть входное значение \"\(input)\", чтобы читающий видел, что не так; получено: \(message)"),
                    sourceLocation: sourceLocation)
            if namesRange {
                let numbers = Set(message.split { !$0.isNumber }.map(String.init))
                #expect(numbers.contains("1") && numbers.contains("100"),
                        explain("the LimitError's message for \"\(input)\" should name what is allowed, 1 to 100; got: \(message)",
                                russian: "сообщение LimitError для \"\(input)\" должно называть допустимый диапазон, от 1 до 100; получено: \(message)"),
                        sourceLocation: sourceLocation)
            }
        case .failure(let error):
            Issue.record(explain("parseLimit(\"\(input)\") should throw a LimitError, it threw \(type(of: error)): \(error)",
                                 russian: "parseLimit(\"\(input)\") должна выбрасывать LimitError, а выбросила \(type(of: error)): \(error)"),
                         sourceLocation: sourceLocation)
        }
    }

    // MARK: Exercise 2 (Exercises/00-swift-for-python/SignUp.swift)

    @Test("exercise 2: full_name in the JSON fills fullName")
    func signUpWithFullName() async {
        let json = #"{"email": "ada@example.com", "full_name": "Ada Lovelace"}"#
        guard let result = await outcome(of: { try decodeSignUp(json) }) else { return }
        switch result {
        case .success(let signUp):
            #expect(signUp.email == "ada@example.com")
            #expect(optional(signUp.fullName) == "Ada Lovelace",
                    explain("\(json) should give fullName \"Ada Lovelace\", got \(String(describing: optional(signUp.fullName))): the JSON's key is full_name, so map fullName to it in CodingKeys",
                            russian: "из \(json) должно получиться fullName \"Ada Lovelace\", а получилось \(String(describing: optional(signUp.fullName))): ключ в JSON — full_name, так что сопоставьте с ним fullName в CodingKeys"))
        case .failure(let error):
            Issue.record(explain("\(json) should decode, it threw: \(error). The JSON's key is full_name: map fullName to it in CodingKeys.",
                                 russian: "\(json) должен декодироваться, а декодирование выбросило: \(error). Ключ в JSON — full_name: сопоставьте с ним fullName в CodingKeys."))
        }
    }

    @Test("exercise 2: full_name null or missing decodes as nil", arguments: [
        #"{"email": "ada@example.com", "full_name": null}"#,
        #"{"email": "ada@example.com"}"#,
    ])
    func signUpWithoutFullName(_ json: String) async {
        let how = json.contains("null") ? "full_name: null" : "full_name missing from the JSON"
        let howRussian = json.contains("null") ? "при full_name: null" : "без full_name в JSON"
        guard let result = await outcome(of: { try decodeSignUp(json) }) else { return }
        switch result {
        case .success(let signUp):
            #expect(signUp.email == "ada@example.com")
            #expect(optional(signUp.fullName) == nil, explain("\(how) should decode as nil, got \(String(describing: optional(signUp.fullName)))",
                                                              russian: "\(howRussian) поле fullName должно декодироваться в nil, а получилось \(String(describing: optional(signUp.fullName)))"))
        case .failure(let error):
            Issue.record(explain("\(how) should decode as nil, not fail: pydantic's `full_name: str | None = None` is Swift's `String?`. \(json) threw: \(error)",
                                 russian: "\(howRussian) поле fullName должно декодироваться в nil, а не падать: `full_name: str | None = None` из pydantic — это `String?` в Swift. \(json) выбросил: \(error)"))
        }
    }

    @Test("exercise 2: email is required")
    func signUpWithoutEmail() async {
        let json = #"{"full_name": "Ada Lovelace"}"#
        guard let result = await outcome(of: { try decodeSignUp(json) }) else { return }
        if case .success(let signUp) = result {
            Issue.record(explain("\(json) has no email, which is required: decoding should throw, as pydantic's does. It gave \(signUp)",
                                 russian: "в \(json) нет email, а он обязателен: декодирование должно выбрасывать ошибку, как в pydantic. Получилось \(signUp)"))
        }
    }

    @Test("exercise 2: SignUp encodes fullName as full_name")
    func signUpEncodes() async {
        let json = #"{"email":"ada@example.com","full_name":"Ada Lovelace"}"#
        guard let result = await outcome(of: { () throws -> String in
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            return String(decoding: try encoder.encode(try decodeSignUp(json)), as: UTF8.self)
        }) else { return }
        switch result {
        case .success(let encoded):
            #expect(encoded == json, explain("decoding \(json) and encoding it again should give it back, with the key full_name; got \(encoded)",
                                             russian: "декодирование \(json) и повторное кодирование должны вернуть его же, с ключом full_name; получено \(encoded)"))
        case .failure(let error):
            Issue.record(explain("decoding \(json) and encoding it again threw: \(error). The JSON's key is full_name: map fullName to it in CodingKeys.",
                                 russian: "декодирование \(json) и повторное кодирование выбросили: \(error). Ключ в JSON — full_name: сопоставьте с ним fullName в CodingKeys."))
        }
    }

    private func decodeSignUp(_ json: String) throws -> SignUp {
        try JSONDecoder().decode(SignUp.self, from: Data(json.utf8))
    }

    // MARK: Exercise 3 (Exercises/00-swift-for-python/Profile.swift)

    @Test("exercise 3: loadProfile returns the user's email and items")
    func profileContents() async {
        guard let result = await outcome(of: { try await loadProfile(userID: 7, from: FixedStore()) }) else { return }
        switch result {
        case .success(let profile):
            #expect(profile == Profile(email: "user7@example.com", items: ["item 1 of user 7", "item 2 of user 7"]),
                    explain("loadProfile(userID: 7, ...) should return user 7's email and items from the store, got \(profile)",
                            russian: "loadProfile(userID: 7, ...) должна возвращать email и items пользователя 7 из хранилища, а вернула \(profile)"))
        case .failure(let error):
            Issue.record(explain("loadProfile(userID: 7, ...) should return a Profile, it threw: \(error)",
                                 russian: "loadProfile(userID: 7, ...) должна возвращать Profile, а выбросила: \(error)"))
        }
    }

    @Test("exercise 3: the two lookups run at the same time")
    func profileLookupsRunTogether() async throws {
        let store = CountingStore()
        guard let result = await outcome(of: { try await loadProfile(userID: 1, from: store) }) else { return }
        if case .failure(let error) = result {
            Issue.record(explain("loadProfile threw: \(error)",
                                 russian: "loadProfile выбросила: \(error)"))
            return
        }
        let calls = await store.calls
        #expect(calls.sorted() == ["email", "items"], explain("loadProfile should ask the store once for the email and once for the items, it asked: \(calls)",
                                                              russian: "loadProfile должна запросить у хранилища один раз email и один раз items, а запросила: \(calls)"))
        let mostAtOnce = await store.mostAtOnce
        #expect(mostAtOnce == 2,
                explain("the email and items lookups ran one after the other (at most \(mostAtOnce) at a time): start both before awaiting either, with async let, as asyncio.gather does",
                        russian: "запросы email и items выполнились один за другим (не больше \(mostAtOnce) одновременно): запустите оба до того, как ждать какой-либо из них, через async let — как это делает asyncio.gather"))
    }

    @Test("exercise 3: a lookup that fails makes loadProfile throw")
    func profileLookupFails() async {
        guard let result = await outcome(of: { try await loadProfile(userID: 1, from: FailingStore()) }) else { return }
        switch result {
        case .success(let profile):
            Issue.record(explain("the store's items lookup threw, so loadProfile should throw too (try await passes it on), but it returned \(profile)",
                                 russian: "запрос items в хранилище выбросил ошибку, значит, и loadProfile должна её выбросить (try await передаёт её дальше), а она вернула \(profile)"))
        case .failure(let error):
            #expect(error is StoreDown, explain("loadProfile should pass on the store's own error, got \(error)",
                                                russian: "loadProfile должна передавать дальше ошибку самого хранилища, а выбросила \(error)"))
        }
    }
}

// MARK: Stores for exercise 3

/// Answers at once, with data that names the user.
private struct FixedStore: ProfileStore {
    func email(ofUser id: Int) async throws -> String { "user\(id)@example.com" }
    func items(ofUser id: Int) async throws -> [String] { ["item 1 of user \(id)", "item 2 of user \(id)"] }
}

/// Counts the lookups running at once. No clock: each lookup, once
/// started, gives the other a bounded number of turns to start as well.
/// Run together, both are inside at once; run in turn, never more than one.
private actor CountingStore: ProfileStore {
    private(set) var calls: [String] = []
    private(set) var mostAtOnce = 0
    private var running = 0

    func email(ofUser id: Int) async throws -> String {
        await lookUp("email")
        return "user\(id)@example.com"
    }

    func items(ofUser id: Int) async throws -> [String] {
        await lookUp("items")
        return []
    }

    private func lookUp(_ name: String) async {
        calls.append(name)
        running += 1
        mostAtOnce = max(mostAtOnce, running)
        var turns = 0
        while running < 2 && mostAtOnce < 2 && turns < 10_000 {
            await Task.yield()     // lets the other lookup in, if it was started
            turns += 1
        }
        running -= 1
    }
}

private struct StoreDown: Error {}

/// Its items lookup fails.
private struct FailingStore: ProfileStore {
    func email(ofUser id: Int) async throws -> String { "user\(id)@example.com" }
    func items(ofUser id: Int) async throws -> [String] { throw StoreDown() }
}
