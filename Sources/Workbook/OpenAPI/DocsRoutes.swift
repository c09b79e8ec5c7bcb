import Vapor

extension Application {
    /// Serves the OpenAPI document at `GET /openapi.json` and an interactive
    /// Swagger UI page over it at `GET /docs`, as FastAPI does.
    ///
    /// The document is built from the routes registered when it is asked
    /// for, so call this anywhere in `configure(_:)`.
    public func useOpenAPIDocs(title: String, version: String = "0.1.0") {
        let builder = OpenAPIDocumentBuilder(title: title, version: version)

        get("openapi.json") { req -> Response in
            let json = try builder.json(for: req.application.routes.all)
            var headers = HTTPHeaders()
            headers.contentType = .json
            return Response(status: .ok, headers: headers, body: .init(data: json))
        }.excludedFromDocs()

        get("docs") { _ -> Response in
            var headers = HTTPHeaders()
            headers.contentType = .html
            return Response(status: .ok, headers: headers, body: .init(string: swaggerUIPage(title: title)))
        }.excludedFromDocs()
    }
}

/// The `/docs` page: Swagger UI loaded from a CDN, pointed at `/openapi.json`.
/// FastAPI's `/docs` is the same page, loaded the same way.
func swaggerUIPage(title: String) -> String {
    let escapedTitle = title
        .replacingOccurrences(of: "&", with: "&amp;")
        .replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;")
    return """
    <!DOCTYPE html>
    <html>
    <head>
    <meta charset="utf-8">
    <link type="text/css" rel="stylesheet" href="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css">
    <title>\(escapedTitle) - Swagger UI</title>
    </head>
    <body>
    <div id="swagger-ui"></div>
    <script src="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js"></script>
    <script>
    const ui = SwaggerUIBundle({
        url: '/openapi.json',
        dom_id: '#swagger-ui',
        layout: 'BaseLayout',
        deepLinking: true,
        showExtensions: true,
        showCommonExtensions: true,
        presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
    })
    </script>
    </body>
    </html>
    """
}
