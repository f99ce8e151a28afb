import Markup

/// `/admin/entities`: the pledging entities, their kind, home country, pledges and members.
struct EntityListPage: PageView {
    struct Row: Sendable {
        let id: Int
        let name: String
        let kind: EntityKind
        let country: String?
        let pledges: Int
        let members: Int
    }

    let rows: [Row]
    var withoutFocalPointOnly = false

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let body = rows.map { r -> HTML in
            """
            <tr><th scope="row">\(Bidi.link("/admin/entities/\(r.id)", r.name))</th><td>\(t[r.kind.label])</td><td>\(Bidi.isolate(r.country ?? "—"))</td>
            <td><a href="/pledges?entity=\(r.id)">\(String(r.pledges))</a></td><td>\(String(r.members))</td></tr>
            """
        }
        return Page(
            title: t[.entitiesTitle],
            content: """
                <p><a class="button" href="/admin/entities/new">\(t[.newEntityButton])</a></p>
                <p>\(withoutFocalPointOnly
                    ? "<a href=\"/admin/entities\">\(t[.allEntitiesLink])</a>" as HTML
                    : "<a href=\"/admin/entities?without_focal_point=1\">\(t[.entitiesWithoutFocalPointLink])</a>")</p>
                <p role="status">\(t.format(withoutFocalPointOnly ? .entitiesWithoutFocalPointFound : .entitiesFound, ["count": Formatting.number(rows.count, context.language)]))</p>
                \(FormViews.scrollRegion(t[.entitiesTitle]))<table><caption class="visually-hidden">\(t[.entitiesTitle])</caption>
                <thead><tr><th scope="col">\(t[.fieldName])</th><th scope="col">\(t[.fieldEntityKind])</th><th scope="col">\(t[.fieldHomeCountry])</th>
                <th scope="col">\(t[.pledgesTitle])</th><th scope="col">\(t[.entityMembers])</th></tr></thead>
                <tbody>\(body)</tbody></table></div>
                """)
    }
}

/// Adding or editing a pledging entity.
struct EntityFormPage: PageView {
    let id: Int?
    let input: EntityForm
    let errors: FieldErrors
    let countries: [(String, String)]
    /// For an entity that exists: its focal points and how many pledges it owns or co-owns.
    var people: EntityQueries.People? = nil

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        return Page(
            title: id == nil ? t[.newEntityButton] : Bidi.plain(input.name),
            breadcrumbs: [.init(title: t[.entitiesTitle], href: "/admin/entities")],
            content: """
                \(FormViews.errorSummary(errors, t))
                \(FormViews.form(action: id.map { "/admin/entities/\($0)" } ?? "/admin/entities/new", csrfToken: context.csrfToken, """
                \(FormViews.field("name", label: t[.fieldName], value: input.name, error: errors["name"], t))
                \(FormViews.select("kind", label: t[.fieldEntityKind], options: EntityKind.options(t, selected: EntityKind(rawValue: input.kind).map { [$0] } ?? []), error: errors["kind"], t))
                \(FormViews.select("home_country", label: t[.fieldHomeCountry], options: countries.map { ($0.0, $0.1, $0.0 == input.country) }, error: errors["home_country"], blank: t[.noneOption], t))
                \(FormViews.button(t[.saveButton]))
                """))
                \(peopleSection(context))
                """)
    }

    /// Where a reader goes next from an entity: its pledges and the people who act for it.
    private func peopleSection(_ context: PageContext) -> HTML {
        guard let id, let people else { return .empty }
        let t = context.strings
        let names = people.focalPoints.map { person -> HTML in
            "<li>\(Bidi.link("/admin/users/\(person.id)", person.name))\(if: person.disabled, " <span class=\"badge\">\(t[.accountDisabledBadge])</span>")</li>"
        }
        return """
            <h2>\(t[.entityPledgesHeading])</h2>
            <p><a href="/pledges?entity=\(id)">\(t.format(.entityPledgesLink, numbers: ["count": people.pledges]))</a></p>
            <h2>\(t[.entityFocalPointsHeading])</h2>
            \(names.isEmpty ? "<p>\(t[.entityNoFocalPoint]) <a href=\"/admin/users/new\">\(t[.inviteSomeoneLink])</a></p>" as HTML : "<ul class=\"plain\">\(names)</ul>")
            """
    }
}
