import Database
import Hummingbird

/// `/admin/entities`: the pledging entities (States, agencies, organisations…) that own
/// pledges and that focal points belong to. The secretariat keeps them.
struct EntityController {
    let pool: ConnectionPool
    let cookies: CookiePolicy
    static let keepers: Access = .roles([.secretariat, .admin])

    func addRoutes(to routes: inout RouteTable) {
        routes.get("/admin/entities", Self.keepers, list)
        routes.get("/admin/entities/new", Self.keepers, showNew)
        routes.post("/admin/entities/new", Self.keepers, create)
        routes.get("/admin/entities/{id}", Self.keepers, showEdit)
        routes.post("/admin/entities/{id}", Self.keepers, update)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let only = request.uri.queryParameters["without_focal_point"] == "1"
        let entities = try await pool.withConnection { connection in
            try EntityQueries.list(withoutFocalPointOnly: only, language: context.readerLanguage, on: connection)
        }
        return HTMLResponse(EntityListPage(rows: entities, withoutFocalPointOnly: only), request, context)
    }

    @Sendable func showNew(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        try await form(request, context, id: nil, EntityForm(), FieldErrors())
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await save(request, context, id: nil)
    }

    @Sendable func showEdit(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        guard let id = context.intParameter("id"),
            let input = try await pool.withConnection({ connection in try EntityQueries.form(id, on: connection) })
        else { throw HTTPError(.notFound) }
        return try await form(request, context, id: id, input, FieldErrors())
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.intParameter("id"),
            try await pool.withConnection({ connection in try EntityQueries.exists(id, on: connection) })
        else { throw HTTPError(.notFound) }
        return try await save(request, context, id: id)
    }

    private func save(_ request: Request, _ context: AppRequestContext, id: Int?) async throws -> Response {
        let input = EntityForm(context.form)
        let countries = Set(
            try await pool.withConnection { connection in try EntityQueries.countries(keeping: id, on: connection) }.map(\.iso3))
        var errors = input.validate(countries: countries)
        guard errors.isEmpty else {
            return try await form(request, context, id: id, input, errors, status: .unprocessableContent).response(
                from: request, context: context)
        }
        let actor = context.user
        let origin = context.origin
        do {
            _ = try await pool.transaction { connection in
                try EntityWrites.save(input, id: id, actor: actor, origin: origin, on: connection)
            }
            return cookies.redirect("/admin/entities", flash: .flashUserSaved)
        } catch let error as DatabaseError where error.kind == .uniqueViolation {
            errors.add("name", .entityNameTaken)
            return try await form(request, context, id: id, input, errors, status: .unprocessableContent).response(
                from: request, context: context)
        }
    }

    private func form(
        _ request: Request, _ context: AppRequestContext, id: Int?, _ input: EntityForm, _ errors: FieldErrors,
        status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let (countries, people) = try await pool.withConnection { connection in
            (
                try EntityQueries.countries(keeping: id, on: connection).map { ($0.iso3, $0.name) },
                try id.map { try EntityQueries.people($0, on: connection) }
            )
        }
        let pageContext = request.pageContext(context)
        return HTMLResponse(
            status: status,
            page: EntityFormPage(id: id, input: input, errors: errors, countries: countries, people: people).page(pageContext),
            context: pageContext)
    }
}

/// The entity form's fields, read and checked.
struct EntityForm: Sendable {
    var name = ""
    var kind = EntityKind.state.rawValue
    var country = ""

    init() {}
    init(name: String, kind: String, country: String) {
        self.name = name
        self.kind = kind
        self.country = country
    }
    init(_ form: FormData) {
        name = form.trimmed("name")
        kind = form.trimmed("kind")
        country = form.trimmed("home_country").uppercased()
    }

    func validate(countries: Set<String>) -> FieldErrors {
        var errors = FieldErrors()
        if name.isEmpty || name.length > 200 { errors.add("name", .entityNameInvalid) }
        if EntityKind(rawValue: kind) == nil { errors.add("kind", .entityKindInvalid) }
        if !country.isEmpty, !countries.contains(country) { errors.add("home_country", .countryUnknown) }
        return errors
    }
}
