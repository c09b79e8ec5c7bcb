import Logging
import Vapor

/// Starts a lesson's server, from `swift run lesson-N` or from a test.
///
/// The walkthrough runs its server with
/// `uvicorn main:app --host 127.0.0.1 --port 12000`; a lesson started with
/// `swift run lesson-N` listens on the same address by default, and Vapor's
/// `serve --hostname H --port P` overrides it, as uvicorn's flags do.
public enum LessonServer {
    /// The walkthrough's `--host 127.0.0.1`.
    public static let defaultHostname = "127.0.0.1"
    /// The walkthrough's `--port 12000`.
    public static let defaultPort = 12000

    /// Boots the application the way the Vapor template's entry point does:
    /// read the environment and command line, set up logging, configure, run
    /// the command (`serve` when none is given), shut down.
    ///
    /// When start-up fails — a database behind its migrations, a missing
    /// signing key — it prints why and exits with status 1, instead of the
    /// crash report Swift gives an error thrown out of `main`.
    public static func run(configure: (Application) async throws -> Void) async {
        do {
            var env = try Environment.detect()
            try LoggingSystem.bootstrap(from: &env)
            let app = try await Application.make(env)
            app.http.server.configuration.hostname = defaultHostname
            app.http.server.configuration.port = defaultPort
            do {
                try await configure(app)
                try await app.execute()
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(1)
        }
    }

    /// A configured application for a test (the `buildApplication` of
    /// Hummingbird's examples): in the `.testing` environment, nothing bound
    /// to a port until the test asks. The caller shuts it down.
    public static func buildApplication(
        _ environment: Environment = .testing,
        configure: (Application) async throws -> Void
    ) async throws -> Application {
        let app = try await Application.make(environment)
        do {
            try await configure(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }
}
