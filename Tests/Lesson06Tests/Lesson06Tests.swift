import Foundation
import JWT
import Lesson06
import SchemaRevisions
import Testing
import VaporTesting
import Workbook
import WorkbookTesting

/// Lesson 6's checks, on either database. See Lessons/06-users-service.md
/// (and its PostgreSQL appendix, Lessons/06-appendix-postgresql.md).
///
/// End to end: every check migrates a fresh database with the lesson's own
/// `upgrade head`, starts the service on a real socket, and talks HTTP. The
/// suites at the end of the file run them on SQLite and on PostgreSQL.
struct Lesson06Checks {
    let backend: TestBackend
    static let secret = "test-secret-\(UUID().uuidString)"

    /// A migrated database, the service on a real port, and a client for it.
    /// With `passwords`, the service checks passwords through it (to count them).
    func withService(passwords: CountingHasher? = nil, _ test: (Client) async throws -> Void) async throws {
        try await withMigrationSandbox(migrationEnvironment(), backend: backend) { sandbox in
            try await sandbox.run("upgrade", "head")
            let settings = ServiceSettings(databaseURL: sandbox.databaseURL, jwtSecret: Self.secret)
            try await withApp(configure: { app in
                try await configure(app, settings: settings)
                if let passwords { app.passwords.use { _ in passwords } }
            }) { app in
                try await withRunningServer(app) { baseURL in
                    try await test(Client(app: app, baseURL: baseURL))
                }
            }
        }
    }

    /// Speaks HTTP to the running service.
    struct Client {
        let app: Application
        let baseURL: String

        func send(_ method: HTTPMethod, _ path: String, json: String? = nil, token: String? = nil) async throws -> ClientResponse {
            var headers = HTTPHeaders()
            if json != nil { headers.contentType = .json }
            if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
            return try await app.client.send(method, headers: headers, to: URI(string: baseURL + path)) { request in
                if let json { request.body = ByteBuffer(string: json) }
            }
        }

        func register(_ email: String, _ password: String = "correct horse", fullName: String? = nil) async throws -> ClientResponse {
            var body: [String: String] = ["email": email, "password": password]
            body["full_name"] = fullName
            return try await send(.POST, "/users", json: String(decoding: try JSONEncoder().encode(body), as: UTF8.self))
        }

        func login(_ email: String, _ password: String) async throws -> ClientResponse {
            try await send(.POST, "/login", json: #"{"email":"\#(email)","password":"\#(password)"}"#)
        }
    }

    struct User: Decodable, Equatable { var id: Int; var email: String; var full_name: String? }
    struct Page: Decodable { var items: [User]; var limit: Int; var offset: Int; var total: Int }

    /// A response's body, as text.
    func text(_ response: ClientResponse) -> String {
        response.body.map { String(buffer: $0) } ?? ""
    }

    /// The `access_token` of a login answer, after checking its shape field by
    /// field (`{"access_token": "…", "token_type": "bearer"}`); `nil` after
    /// recording what is wrong.
    func accessToken(_ response: ClientResponse, loggingIn who: String,
                     sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        guard response.status == .ok else {
            Issue.record(explain("logging in as \(who) with the right password answered \(response.status.code) \(text(response)); "
                                 + "it should be 200 with {\"access_token\": …, \"token_type\": \"bearer\"}",
                                 russian: "вход как \(who) с верным паролем ответил \(response.status.code) \(text(response)); "
                                 + "ответ должен быть 200 с {\"access_token\": …, \"token_type\": \"bearer\"}"),
                         sourceLocation: sourceLocation)
            return nil
        }
        let json = (try? JSONSerialization.jsonObject(with: Data(text(response).utf8))) as? [String: Any]
        guard let token = json?["access_token"] as? String else {
            Issue.record(explain("the login answer has no access_token string: \(text(response))",
                                 russian: "в ответе на вход нет строки access_token: \(text(response))"), sourceLocation: sourceLocation)
            return nil
        }
        let type = json?["token_type"]
        #expect(type as? String == "bearer",
                explain("the login answer's token_type is \(type.map { "\($0)" } ?? "missing"), not \"bearer\": "
                    + "FastAPI's OAuth2 answer is {\"access_token\": …, \"token_type\": \"bearer\"} — TokenResponse(accessToken:tokenType: \"bearer\")",
                        russian: "token_type в ответе на вход — \(type.map { "\($0)" } ?? "нет"), а не \"bearer\": "
                    + "ответ OAuth2 в FastAPI — {\"access_token\": …, \"token_type\": \"bearer\"}, то есть TokenResponse(accessToken:tokenType: \"bearer\")"),
                sourceLocation: sourceLocation)
        return token
    }

    /// The claims in a JWT's payload (its middle part), read without checking the signature.
    func payload(of token: String) -> [String: Any]? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    func body<T: Decodable>(_ response: ClientResponse, as type: T.Type) throws -> T {
        try response.content.decode(T.self)
    }

    func detail(_ response: ClientResponse) -> ErrorBody.Detail? {
        try? response.content.decode(ErrorBody.self).detail
    }

    func loc(_ response: ClientResponse) -> [String]? {
        if case .issues(let issues)? = detail(response) { issues.first?.loc } else { nil }
    }

    // MARK: Registration

    func register() async throws {
        try await withService { client in
            let res = try await client.register("Ada@Example.COM")
            #expect(res.status == .created)
            #expect(try body(res, as: User.self) == User(id: 1, email: "ada@example.com"))
            #expect(res.body.map { String(buffer: $0) }?.contains("password") == false)
        }
    }

    func duplicate() async throws {
        try await withService { client in
            #expect(try await client.register("ada@example.com").status == .created)
            let again = try await client.register("ADA@example.com")
            #expect(again.status == .conflict)
            #expect(detail(again) == .message("A user with that email already exists."))
        }
    }

    /// Bodies `POST /users` must refuse with 422, and the field each names.
    static let badRegistrations: [(String, [String])] = [
        (#"{"email":"not-an-email","password":"long enough"}"#, ["body", "email"]),
        (#"{"email":"a@example.com","password":"short"}"#, ["body", "password"]),
        (#"{"email":"a@example.com","password":"\#(String(repeating: "p", count: 73))"}"#, ["body", "password"]),
        (#"{"email":"a@example.com"}"#, ["body", "password"]),
        (#"{"email":42,"password":"long enough"}"#, ["body", "email"]),
        (#"{"email":"a@example.com","password":"#, ["body"]),
    ]

    func badRegistration(json: String, field: [String]) async throws {
        try await withService { client in
            let res = try await client.send(.POST, "/users", json: json)
            #expect(res.status == .unprocessableEntity, "\(json)")
            #expect(loc(res) == field, "\(json)")
        }
    }

    func oversizedBody() async throws {
        try await withService { client in
            let huge = String(repeating: "x", count: 20_000)
            let res = try await client.send(.POST, "/users", json: #"{"email":"a@example.com","password":"\#(huge)"}"#)
            #expect(res.status == .payloadTooLarge)
        }
    }

    func injectionStrings() async throws {
        try await withService { client in
            let names = ["Robert'); DROP TABLE users;--", "<script>alert(1)</script>", "\" OR 1=1 --", "Zoë 🐍 王"]
            for (index, name) in names.enumerated() {
                let res = try await client.register("user\(index)@example.com", fullName: name)
                #expect(res.status == .created)
                let id = try body(res, as: User.self).id
                let read = try body(try await client.send(.GET, "/users/\(id)"), as: User.self)
                #expect(read.full_name == name)
            }
            #expect(try body(try await client.send(.GET, "/users"), as: Page.self).total == names.count)
        }
    }

    func registrationRace() async throws {
        try await withService { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<16 {
                    group.addTask { try await client.register("race@example.com").status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 15)
        }
    }

    // MARK: Reading

    func readUser() async throws {
        try await withService { client in
            _ = try await client.register("grace@example.com")
            #expect(try body(try await client.send(.GET, "/users/1"), as: User.self).email == "grace@example.com")
            let missing = try await client.send(.GET, "/users/99")
            #expect(missing.status == .notFound && detail(missing) == .message("User not found"))
            let bad = try await client.send(.GET, "/users/abc")
            #expect(bad.status == .unprocessableEntity && loc(bad) == ["path", "user_id"])
        }
    }

    func pages() async throws {
        try await withService { client in
            for index in 1...5 { _ = try await client.register("u\(index)@example.com") }
            let page = try body(try await client.send(.GET, "/users?limit=2&offset=1"), as: Page.self)
            #expect(page.items.map(\.email) == ["u2@example.com", "u3@example.com"])
            #expect(page.limit == 2 && page.offset == 1 && page.total == 5)
            #expect(try body(try await client.send(.GET, "/users"), as: Page.self).limit == 20)
            for (query, field) in [("limit=0", "limit"), ("limit=101", "limit"), ("offset=-1", "offset"), ("limit=ten", "limit")] {
                let res = try await client.send(.GET, "/users?\(query)")
                #expect(res.status == .unprocessableEntity, "\(query)")
                #expect(loc(res) == ["query", field], "\(query)")
            }
        }
    }

    // MARK: Login and tokens (the exercise: Controllers/AuthController.swift)

    /// Two users, so a token that always names the same one is caught.
    func registerAdaAndGrace(_ client: Client) async throws {
        #expect(try await client.register("ada@example.com", "correct horse", fullName: "Ada").status == .created)
        #expect(try await client.register("grace@example.com", "battery staple", fullName: "Grace").status == .created)
    }

    func loginAndMe() async throws {
        try await withService { client in
            try await registerAdaAndGrace(client)
            let res = try await client.login("grace@example.com", "battery staple")
            guard expectExerciseDone(res, lesson: 6), let token = accessToken(res, loggingIn: "grace@example.com") else { return }
            let me = try await client.send(.GET, "/users/me", token: token)
            #expect(me.status == .ok, explain("GET /users/me with the token POST /login gave answered \(me.status.code) \(text(me))",
                                              russian: "GET /users/me с токеном, который выдал POST /login, ответил \(me.status.code) \(text(me))"))
            guard me.status == .ok else { return }
            let who = try body(me, as: User.self)
            #expect(who == User(id: 2, email: "grace@example.com", full_name: "Grace"),
                    explain("grace@example.com (id 2) logged in, but GET /users/me with her token answered \(who.email) (id \(who.id)): "
                        + "the token's sub must be the id of the user who logged in — SubjectClaim(value: String(try user.requireID()))",
                            russian: "вошла grace@example.com (id 2), но GET /users/me с её токеном ответил \(who.email) (id \(who.id)): "
                        + "sub токена должен быть id вошедшего пользователя — SubjectClaim(value: String(try user.requireID()))"))
        }
    }

    func tokenClaims() async throws {
        try await withService { client in
            try await registerAdaAndGrace(client)
            let res = try await client.login("grace@example.com", "battery staple")
            guard expectExerciseDone(res, lesson: 6), let token = accessToken(res, loggingIn: "grace@example.com") else { return }
            let loggedIn = Date().timeIntervalSince1970
            guard let claims = payload(of: token) else {
                Issue.record(explain("the access_token is not a JWT (header.payload.signature, base64url JSON): \(token)",
                                     russian: "access_token — не JWT (header.payload.signature, JSON в base64url): \(token)"))
                return
            }
            let subject = claims["sub"]
            #expect(subject as? String == "2",
                    explain("the token's sub is \(subject.map { "\($0)" } ?? "missing"), but grace@example.com, who logged in, has id 2: "
                        + "sub is the id of the user who logged in, as a string — SubjectClaim(value: String(try user.requireID()))",
                            russian: "sub токена — \(subject.map { "\($0)" } ?? "нет"), а у вошедшей grace@example.com id 2: "
                        + "sub — это id вошедшего пользователя в виде строки, SubjectClaim(value: String(try user.requireID()))"))
            guard let expiration = (claims["exp"] as? NSNumber)?.doubleValue else {
                Issue.record(explain("the token has no exp claim: it must expire 30 minutes after login — "
                                     + "ExpirationClaim(value: Date().addingTimeInterval(req.application.tokenLifetime))",
                                     russian: "в токене нет claim exp: он должен истекать через 30 минут после входа — "
                                     + "ExpirationClaim(value: Date().addingTimeInterval(req.application.tokenLifetime))"))
                return
            }
            let minutes = (expiration - loggedIn) / 60
            #expect(abs(minutes - 30) < 2,
                    explain("the token expires \(Int(minutes.rounded())) minutes after login (exp \(Int(expiration))); it must expire "
                        + "after 30 minutes, the service's tokenLifetime — ExpirationClaim(value: Date().addingTimeInterval(req.application.tokenLifetime))",
                            russian: "токен истекает через \(Int(minutes.rounded())) мин. после входа (exp \(Int(expiration))), а должен истекать "
                        + "через 30 минут, tokenLifetime сервиса, — ExpirationClaim(value: Date().addingTimeInterval(req.application.tokenLifetime))"))
        }
    }

    func loginIgnoresEmailCase() async throws {
        try await withService { client in
            try await registerAdaAndGrace(client)
            let res = try await client.login("ADA@Example.com", "correct horse")
            guard expectExerciseDone(res, lesson: 6) else { return }
            #expect(res.status == .ok,
                    explain("logging in as ADA@Example.com answered \(res.status.code) \(text(res)), but ada@example.com is registered: "
                        + "emails are stored lower-cased, so lower-case the one given at login too",
                            russian: "вход как ADA@Example.com ответил \(res.status.code) \(text(res)), а ada@example.com зарегистрирован: "
                        + "email хранятся в нижнем регистре, так что приводите к нижнему регистру и тот, что пришёл при входе"))
        }
    }

    func wrongCredentials() async throws {
        let passwords = CountingHasher()
        try await withService(passwords: passwords) { client in
            try await registerAdaAndGrace(client)
            let wrong = try await client.login("ada@example.com", "wrong horse")
            guard expectExerciseDone(wrong, lesson: 6) else { return }
            let checkedBefore = passwords.verifications
            let unknown = try await client.login("nobody@example.com", "correct horse")
            let checkedForUnknown = passwords.verifications - checkedBefore

            if wrong.status == .ok {
                Issue.record(explain("a wrong password logged in (200): check it against the stored hash with "
                                     + "req.password.async.verify(body.password, created: user.passwordHash), and answer 401 when it does not match",
                                     russian: "с неверным паролем удалось войти (200): сверяйте пароль с сохранённым хешем через "
                                     + "req.password.async.verify(body.password, created: user.passwordHash) и отвечайте 401, если не совпал"))
            } else {
                #expect(wrong.status == .unauthorized,
                        explain("a wrong password answered \(wrong.status.code), not 401: bad credentials are 401 Unauthorized, as in FastAPI — "
                            + "Abort(.unauthorized, reason: \"Incorrect email or password\")",
                                russian: "на неверный пароль пришёл ответ \(wrong.status.code), а не 401: неверные учётные данные — это 401 Unauthorized, как в FastAPI, — "
                            + "Abort(.unauthorized, reason: \"Incorrect email or password\")"))
            }
            #expect(unknown.status == .unauthorized,
                    explain("an unknown email answered \(unknown.status.code), not 401: it gets the same 401 as a wrong password, "
                        + "so the answer does not tell which emails are registered",
                            russian: "на незнакомый email пришёл ответ \(unknown.status.code), а не 401: он получает тот же 401, что и неверный пароль, "
                        + "чтобы по ответу нельзя было понять, какие email зарегистрированы"))
            let messages = [wrong, unknown].map { res -> String in
                if case .message(let message)? = detail(res) { message } else { text(res) }
            }
            if messages[0] != messages[1] {
                Issue.record(explain("a wrong password answered \"\(messages[0])\" and an unknown email \"\(messages[1])\": both must be the same, "
                                     + "\"Incorrect email or password\", so the answer does not tell which emails are registered",
                                     russian: "на неверный пароль пришёл ответ \"\(messages[0])\", а на незнакомый email — \"\(messages[1])\": оба должны быть одинаковыми, "
                                     + "\"Incorrect email or password\", чтобы по ответу нельзя было понять, какие email зарегистрированы"))
            } else {
                #expect(messages[0] == "Incorrect email or password",
                        explain("a wrong password and an unknown email answered \"\(messages[0])\"; the service's message is \"Incorrect email or password\"",
                                russian: "на неверный пароль и на незнакомый email пришёл ответ \"\(messages[0])\", а сообщение сервиса — \"Incorrect email or password\""))
            }
            #expect(checkedForUnknown >= 1,
                    explain("an unknown email was answered without checking any password hash, faster than a wrong password: "
                        + "check Self.hashOfNothing when there is no such user, so the time does not tell which emails are registered",
                            russian: "на незнакомый email ответили, не проверив ни одного хеша пароля, — быстрее, чем на неверный пароль: "
                        + "когда такого пользователя нет, проверяйте Self.hashOfNothing, чтобы по времени ответа нельзя было понять, какие email зарегистрированы"))
        }
    }

    func badTokens() async throws {
        try await withService { client in
            _ = try await client.register("ada@example.com")
            let missing = try await client.send(.GET, "/users/me")
            #expect(missing.status == .unauthorized && detail(missing) == .message("Not authenticated"))

            // Tokens signed here with the service's key, and with another key.
            let keys = JWTKeyCollection()
            await keys.add(hmac: HMACKey(from: Self.secret), digestAlgorithm: .sha256)
            let other = JWTKeyCollection()
            await other.add(hmac: HMACKey(from: "not-the-service-secret-but-just-as-long-0123456789"), digestAlgorithm: .sha256)
            struct Claims: JWTPayload {
                var sub: SubjectClaim
                var exp: ExpirationClaim
                func verify(using algorithm: some JWTAlgorithm) async throws {}
            }
            let valid = try await keys.sign(Claims(sub: "1", exp: .init(value: Date().addingTimeInterval(600))))
            let expired = try await keys.sign(Claims(sub: "1", exp: .init(value: Date().addingTimeInterval(-60))))
            let foreign = try await other.sign(Claims(sub: "1", exp: .init(value: Date().addingTimeInterval(600))))
            var tampered = Array(valid)
            tampered[tampered.count - 3] = tampered[tampered.count - 3] == "A" ? "B" : "A"

            #expect(try await client.send(.GET, "/users/me", token: valid).status == .ok)
            for token in [expired, foreign, String(tampered), "not.a.token"] {
                let res = try await client.send(.GET, "/users/me", token: token)
                #expect(res.status == .unauthorized, "\(token)")
                #expect(detail(res) == .message("Could not validate credentials"))
            }
        }
    }

    // MARK: Start-up

    func needsHead() async throws {
        try await withMigrationSandbox(migrationEnvironment(), backend: backend) { sandbox in
            try await sandbox.run("upgrade", "b0fc2b4c59c4")
            let settings = ServiceSettings(databaseURL: sandbox.databaseURL, jwtSecret: Self.secret)
            do {
                try await withApp(configure: { try await configure($0, settings: settings) }) { _ in
                    Issue.record(explain("configure should refuse a database behind head",
                                         russian: "configure должен отказываться от базы, отстающей от head"))
                }
            } catch {
                #expect(String(describing: error).contains("Run `swift run lesson-6 upgrade head` first"))
            }
        }
    }

    func weakSecret() async throws {
        try await withMigrationSandbox(migrationEnvironment(), backend: backend) { sandbox in
            try await sandbox.run("upgrade", "head")
            let settings = ServiceSettings(databaseURL: sandbox.databaseURL, jwtSecret: "short")
            do {
                try await withApp(configure: { try await configure($0, settings: settings) }) { _ in
                    Issue.record(explain("configure should refuse a 5-byte secret",
                                         russian: "configure должен отказываться от секрета длиной 5 байт"))
                }
            } catch {
                #expect(String(describing: error).contains("JWT_SECRET is 5 bytes long; HS256 needs at least 32"))
            }
        }
    }

    func schema() async throws {
        try await withMigrationSandbox(migrationEnvironment(), backend: backend) { sandbox in
            try await sandbox.run("upgrade", "head")
            switch backend {
            case .sqlite:
                let columns = try await SQLiteSchema.inspect(path: sandbox.databasePath) { try await SQLiteSchema.columns(of: "users", in: $0) }
                #expect(columns.map(\.name) == ["id", "email", "password", "full_name"])
                #expect(columns.map(\.notnull) == [1, 1, 1, 0])
            case .postgresql:
                // PostgreSQL's own catalog, read on a separate connection.
                struct Column: Decodable { var column_name: String; var is_nullable: String; var data_type: String; var is_identity: String }
                let database = try await EngineDatabase.open(sandbox.databaseURL, create: false)
                let columns = try await database.sql.raw("""
                    SELECT column_name::text, is_nullable::text, data_type::text, is_identity::text FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = 'users' ORDER BY ordinal_position
                    """).all(decoding: Column.self)
                try await database.close()
                #expect(columns.map(\.column_name) == ["id", "email", "password", "full_name"])
                #expect(columns.map(\.is_nullable) == ["NO", "NO", "NO", "YES"])
                #expect(columns.map(\.data_type) == ["bigint", "character varying", "character varying", "character varying"])
                #expect(columns.first?.is_identity == "YES", explain("id numbers itself, as SQLite's INTEGER PRIMARY KEY does",
                                                                     russian: "id нумеруется сам, как INTEGER PRIMARY KEY в SQLite"))
            }
            #expect(try await sandbox.run("check") == ["No new upgrade operations detected."])
        }
    }

    func migrationRoundTrip() async throws {
        try await withMigrationSandbox(migrationEnvironment(), backend: backend) { sandbox in
            try await sandbox.run("upgrade", "head")
            let settings = ServiceSettings(databaseURL: sandbox.databaseURL, jwtSecret: Self.secret)
            try await withApp(configure: { try await configure($0, settings: settings) }) { app in
                try await withRunningServer(app) { baseURL in
                    let registered = try await Client(app: app, baseURL: baseURL).register("ada@example.com", fullName: "Ada")
                    #expect(registered.status == .created)
                }
            }
            // Back past "add full name" (the data in that column goes), and forward again.
            let lines = try await sandbox.run("downgrade", "-1") + (try await sandbox.run("downgrade", "-1"))
            #expect(lines.last == "Running downgrade 4d9a41a7ac38 -> b0fc2b4c59c4, add full name")
            try await sandbox.run("upgrade", "head")
            #expect(try await sandbox.run("current") == ["644066c97691 (head)"])
            try await withApp(configure: { try await configure($0, settings: settings) }) { app in
                try await withRunningServer(app) { baseURL in
                    let read = try await Client(app: app, baseURL: baseURL).send(.GET, "/users/1")
                    #expect(try body(read, as: User.self) == User(id: 1, email: "ada@example.com"))
                }
            }
        }
    }

    func autogenerate() async throws {
        // From an empty database and no revisions: the whole table, as lesson 4 wrote it on SQLite.
        let versions = FileManager.default.temporaryDirectory.appendingPathComponent("versions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: versions, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: versions) }
        var empty = migrationEnvironment()
        empty.revisions = []
        try await withMigrationSandbox(empty, versionsFolder: versions.path, backend: backend) { sandbox in
            let printed = try await sandbox.run("revision", "--autogenerate", "-m", "create users table")
            #expect(printed.prefix(3) == [
                "Detected added table 'users'",
                "Detected added index 'ix_users_id' on 'users' (id)",
                "Detected added unique index 'ix_users_email' on 'users' (email)",
            ])
            let files = try FileManager.default.contentsOfDirectory(atPath: versions.path)
            let source = try String(contentsOf: versions.appendingPathComponent(try #require(files.first)), encoding: .utf8)
            #expect(source.contains(#".column("email", .string(), nullable: false),"#))
            #expect(source.contains(#"try await op.createIndex("ix_users_email", on: "users", ["email"], unique: true)"#))
        }
        // At head: nothing to write.
        try await withMigrationSandbox(migrationEnvironment(), versionsFolder: versions.path, backend: backend) { sandbox in
            try await sandbox.run("upgrade", "head")
            #expect(try await sandbox.run("revision", "--autogenerate", "-m", "nothing") == ["No changes in schema detected."])
        }
    }
}

@Suite("Lesson 6: the users service")
struct Lesson06Tests {
    let checks = Lesson06Checks(backend: .sqlite)

    @Test("POST /users: 201 {id, email}, email lower-cased, password neither returned nor stored")
    func register() async throws { try await checks.register() }

    @Test("the same email in other letter case is the same account: 409")
    func duplicate() async throws { try await checks.duplicate() }

    @Test("bad registrations are 422 naming the field", arguments: Lesson06Checks.badRegistrations)
    func badRegistration(json: String, field: [String]) async throws { try await checks.badRegistration(json: json, field: field) }

    @Test("a body over 16 KB is refused with 413")
    func oversizedBody() async throws { try await checks.oversizedBody() }

    @Test("injection strings are stored and returned verbatim")
    func injectionStrings() async throws { try await checks.injectionStrings() }

    @Test("sixteen simultaneous registrations of one email: exactly one 201 and fifteen 409s")
    func registrationRace() async throws { try await checks.registrationRace() }

    @Test("GET /users/{id}: 200, 404 for an unknown id, 422 for a non-integer")
    func readUser() async throws { try await checks.readUser() }

    @Test("GET /users pages with limit and offset, within limits")
    func pages() async throws { try await checks.pages() }

    @Test("exercise: POST /login answers a bearer token, and GET /users/me with it is the user who logged in")
    func loginAndMe() async throws { try await checks.loginAndMe() }

    @Test("exercise: the token's payload names the user (sub) and expires in 30 minutes (exp)")
    func tokenClaims() async throws { try await checks.tokenClaims() }

    @Test("exercise: the email at login is matched in any letter case")
    func loginIgnoresEmailCase() async throws { try await checks.loginIgnoresEmailCase() }

    @Test("exercise: a wrong password and an unknown email get the same 401, after the same work")
    func wrongCredentials() async throws { try await checks.wrongCredentials() }

    @Test("GET /users/me: a missing, tampered, expired or foreign token is 401")
    func badTokens() async throws { try await checks.badTokens() }

    @Test("the service refuses a database that is not at head, naming the command")
    func needsHead() async throws { try await checks.needsHead() }

    @Test("a JWT secret shorter than 32 bytes is refused at start-up, not a crash")
    func weakSecret() async throws { try await checks.weakSecret() }

    @Test("the revisions make email and password NOT NULL, and the schema matches the model")
    func schema() async throws { try await checks.schema() }

    @Test("downgrade -1, downgrade -1, upgrade head: the users are still there")
    func migrationRoundTrip() async throws { try await checks.migrationRoundTrip() }

    @Test("revision --autogenerate: the whole table from an empty database, nothing at head")
    func autogenerate() async throws { try await checks.autogenerate() }

    @Test("outside development a missing JWT_SECRET stops the service with a message")
    func missingSecret() throws {
        #expect(throws: ServiceError.self) {
            // Whatever the shell exports (the PostgreSQL appendix exports JWT_SECRET), this check sees none.
            try ServiceSettings.fromEnvironment(.production, logger: Logger(label: "test"), variables: [:])
        }
        #expect(ServiceError.missingJWTSecret(environment: "production").description.contains("export JWT_SECRET="))
        let settings = try ServiceSettings.fromEnvironment(
            .production, logger: Logger(label: "test"),
            variables: ["JWT_SECRET": String(repeating: "k", count: 32), "DATABASE_URL": "postgres://app:pw@db.internal/users"]
        )
        #expect(settings.databaseURL == .postgres(url: "postgres://app:pw@db.internal/users"))
    }
}

@Suite("Lesson 6 on PostgreSQL: the same service, DATABASE_URL=postgres://…", .postgres)
struct Lesson06PostgresTests {
    let checks = Lesson06Checks(backend: .postgresql)

    @Test("no server at that port, no such database: the service does not start, and says what to do")
    func unreachableDatabase() async throws {
        let server = try #require(TestBackend.postgresServerURL)
        var parts = try #require(URLComponents(string: server))
        parts.path = "/no_such_database"
        var noServer = parts
        noServer.port = 1
        for (url, expected) in [(noServer, "no PostgreSQL server answered at"), (parts, "Create it first — createdb -h")] {
            let settings = ServiceSettings(databaseURL: try DatabaseURL(try #require(url.string)), jwtSecret: Lesson06Checks.secret)
            do {
                try await withApp(configure: { try await configure($0, settings: settings) }) { _ in
                    Issue.record(explain("configure should refuse \(settings.databaseURL)",
                                         russian: "configure должен отказываться от \(settings.databaseURL)"))
                }
            } catch {
                #expect(String(describing: error).contains(expected), "\(error)")
            }
        }
    }

    @Test("POST /users: 201 {id, email}, email lower-cased, password neither returned nor stored")
    func register() async throws { try await checks.register() }

    @Test("the same email in other letter case is the same account: 409")
    func duplicate() async throws { try await checks.duplicate() }

    @Test("bad registrations are 422 naming the field", arguments: Lesson06Checks.badRegistrations)
    func badRegistration(json: String, field: [String]) async throws { try await checks.badRegistration(json: json, field: field) }

    @Test("a body over 16 KB is refused with 413")
    func oversizedBody() async throws { try await checks.oversizedBody() }

    @Test("injection strings are stored and returned verbatim")
    func injectionStrings() async throws { try await checks.injectionStrings() }

    @Test("sixteen simultaneous registrations of one email: exactly one 201 and fifteen 409s")
    func registrationRace() async throws { try await checks.registrationRace() }

    @Test("GET /users/{id}: 200, 404 for an unknown id, 422 for a non-integer")
    func readUser() async throws { try await checks.readUser() }

    @Test("GET /users pages with limit and offset, within limits")
    func pages() async throws { try await checks.pages() }

    @Test("exercise: POST /login answers a bearer token, and GET /users/me with it is the user who logged in")
    func loginAndMe() async throws { try await checks.loginAndMe() }

    @Test("exercise: the token's payload names the user (sub) and expires in 30 minutes (exp)")
    func tokenClaims() async throws { try await checks.tokenClaims() }

    @Test("exercise: the email at login is matched in any letter case")
    func loginIgnoresEmailCase() async throws { try await checks.loginIgnoresEmailCase() }

    @Test("exercise: a wrong password and an unknown email get the same 401, after the same work")
    func wrongCredentials() async throws { try await checks.wrongCredentials() }

    @Test("GET /users/me: a missing, tampered, expired or foreign token is 401")
    func badTokens() async throws { try await checks.badTokens() }

    @Test("the service refuses a database that is not at head, naming the command")
    func needsHead() async throws { try await checks.needsHead() }

    @Test("a JWT secret shorter than 32 bytes is refused at start-up, not a crash")
    func weakSecret() async throws { try await checks.weakSecret() }

    @Test("the revisions make email and password NOT NULL, and the schema matches the model")
    func schema() async throws { try await checks.schema() }

    @Test("downgrade -1, downgrade -1, upgrade head: the users are still there")
    func migrationRoundTrip() async throws { try await checks.migrationRoundTrip() }

    @Test("revision --autogenerate: the whole table from an empty database, nothing at head")
    func autogenerate() async throws { try await checks.autogenerate() }
}

/// bcrypt, counting how many hashes it checks: an unknown email must cost a
/// check too (of `hashOfNothing`), or the answer's speed tells which emails exist.
final class CountingHasher: PasswordHasher, @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// Hashes checked so far.
    var verifications: Int { lock.withLock { count } }

    func hash<Password: DataProtocol>(_ password: Password) throws -> [UInt8] {
        Array(try Bcrypt.hash(String(decoding: Array(password), as: UTF8.self), cost: 4).utf8)
    }

    func verify<Password: DataProtocol, Digest: DataProtocol>(_ password: Password, created digest: Digest) throws -> Bool {
        lock.withLock { count += 1 }
        return try Bcrypt.verify(String(decoding: Array(password), as: UTF8.self), created: String(decoding: Array(digest), as: UTF8.self))
    }
}
