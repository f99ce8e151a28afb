import Database
import Hummingbird

/// `/admin/entities`: the pledging entities (States, agencies, organisations…) that own
/// pledges and that focal points belong to. The secretariat keeps them.
struct EntityController {
    let db: ConnectionPool
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
        let entities = try await db.query(
            """
            SELECT e.id, e.name, e.kind, c.name,
                   (SELECT count(*)::int FROM pledge p WHERE p.owner_entity_id = e.id),
                   (SELECT count(*)::int FROM entity_member m WHERE m.entity_id = e.id)
            FROM entity e LEFT JOIN country c ON c.iso3 = e.home_country
            ORDER BY lower(e.name)
            """
        ) { row in
            EntityListPage.Row(
                id: try row.decode(0), name: try row.decode(1), kind: EntityKind(rawValue: try row.decode(2)) ?? .civilSociety,
                country: try row.decode(3), pledges: try row.decode(4), members: try row.decode(5))
        }
        let pageContext = request.pageContext(context)
        return HTMLResponse(page: EntityListPage(rows: entities).page(pageContext), context: pageContext)
    }

    @Sendable func showNew(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        try await form(request, context, id: nil, EntityForm(), FieldErrors())
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await save(request, context, id: nil)
    }

    @Sendable func showEdit(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        guard let id = context.parameters.get("id").flatMap({ Int($0) }),
            let input = try await db.queryFirst(
                "SELECT name, kind, COALESCE(home_country::text, '') FROM entity WHERE id = \(id)",
                { row in
                    EntityForm(name: try row.decode(0), kind: try row.decode(1), country: try row.decode(2))
                })
        else { throw HTTPError(.notFound) }
        return try await form(request, context, id: id, input, FieldErrors())
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id").flatMap({ Int($0) }),
            try await db.queryValue("SELECT EXISTS (SELECT 1 FROM entity WHERE id = \(id))", as: Bool.self)
        else { throw HTTPError(.notFound) }
        return try await save(request, context, id: id)
    }

    private func save(_ request: Request, _ context: AppRequestContext, id: Int?) async throws -> Response {
        let input = EntityForm(context.form)
        let countries = Set(try await db.query("SELECT iso3::text FROM country") { try $0.decode(0, as: String.self) })
        var errors = input.validate(countries: countries)
        guard errors.isEmpty else {
            return try await form(request, context, id: id, input, errors, status: .unprocessableContent).response(
                from: request, context: context)
        }
        let actor = context.user
        let origin = context.origin
        let country: String? = input.country.isEmpty ? nil : input.country
        do {
            try await db.transaction { db in
                let saved: Int
                if let id {
                    try db.execute(
                        "UPDATE entity SET name = \(input.name), kind = \(input.kind), home_country = \(country) WHERE id = \(id)")
                    saved = id
                } else {
                    saved = try db.queryValue(
                        "INSERT INTO entity (name, kind, home_country) VALUES (\(input.name), \(input.kind), \(country)) RETURNING id",
                        as: Int.self)
                }
                try Audit.record(
                    AuditEvent(
                        id == nil ? "entity.created" : "entity.updated", actorID: actor?.id, targetType: "entity",
                        targetID: String(saved), detail: ["name": input.name, "kind": input.kind]), origin, on: db)
            }
            return .seeOther("/admin/entities", setting: [cookies.make(cookies.flash, Strings.Key.flashUserSaved.rawValue)])
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
        let countries = try await db.query("SELECT iso3::text, name FROM country ORDER BY name") {
            (try $0.decode(0, as: String.self), try $0.decode(1, as: String.self))
        }
        let pageContext = request.pageContext(context)
        return HTMLResponse(
            status: status, page: EntityFormPage(id: id, input: input, errors: errors, countries: countries).page(pageContext),
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
