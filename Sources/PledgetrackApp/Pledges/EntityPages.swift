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

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let body = rows.map { r -> HTML in
            """
            <tr><th scope="row"><a href="/admin/entities/\(r.id)">\(r.name)</a></th><td>\(t[r.kind.label])</td><td>\(r.country ?? "—")</td>
            <td><a href="/pledges?entity=\(r.id)">\(String(r.pledges))</a></td><td>\(String(r.members))</td></tr>
            """
        }
        return Page(
            title: t[.entitiesTitle],
            content: """
                <p><a class="button" href="/admin/entities/new">\(t[.newEntityButton])</a></p>
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

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        return Page(
            title: id == nil ? t[.newEntityButton] : input.name, breadcrumbs: [.init(title: t[.entitiesTitle], href: "/admin/entities")],
            content: """
                \(FormViews.errorSummary(errors, t))
                \(FormViews.form(action: id.map { "/admin/entities/\($0)" } ?? "/admin/entities/new", csrfToken: context.csrfToken, """
                \(FormViews.field("name", label: t[.fieldName], value: input.name, error: errors["name"], t))
                \(FormViews.select("kind", label: t[.fieldEntityKind], options: EntityKind.options(t, selected: EntityKind(rawValue: input.kind).map { [$0] } ?? []), error: errors["kind"], t))
                \(FormViews.select("home_country", label: t[.fieldHomeCountry], options: countries.map { ($0.0, $0.1, $0.0 == input.country) }, error: errors["home_country"], blank: t[.noneOption], t))
                \(FormViews.button(t[.saveButton]))
                """))
                """)
    }
}
