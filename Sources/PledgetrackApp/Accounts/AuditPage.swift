import Database
import Foundation
import Markup

/// `/admin/audit`: who did what, when, from which request.
struct AuditPage: PageView {
    static let pageSize = 100

    struct Filter: Sendable {
        var action: String
        var actor: String
        var from: CalendarDate?
        var to: CalendarDate?
        var before: Int?

        /// The query string of this filter, for the next page's link.
        func query(before id: Int) -> String {
            var items = ["before=\(id)"]
            func add(_ name: String, _ value: String) {
                if !value.isEmpty { items.append("\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
            }
            add("action", action)
            add("actor", actor)
            add("from", from?.iso ?? "")
            add("to", to?.iso ?? "")
            return items.joined(separator: "&")
        }
    }

    struct Event: Sendable {
        let id: Int
        let at: Date
        let actor: String?
        let action: String
        let targetType: String?
        let targetID: String?
        let requestID: String?
        let client: String?
        let detail: String
    }

    let filter: Filter
    let events: [Event]
    let hasMore: Bool

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let rows = events.map { e -> HTML in
            let target = [e.targetType, e.targetID].compactMap { $0 }.joined(separator: " ")
            return """
                <tr><td>\(Bidi.time(Formatting.iso(e.at), Formatting.dateTime(e.at, context.language)))</td>
                <td>\(Bidi.isolate(e.actor ?? "—"))</td><td><code dir="ltr">\(e.action)</code></td><td>\(Bidi.ltr(target))</td>
                <td class="detail">\(e.detail == "{}" ? .empty : Bidi.ltr(e.detail))</td><td>\(Bidi.ltr(e.client ?? ""))</td><td><code dir="ltr">\(e.requestID)</code></td></tr>
                """
        }
        let active = [!filter.action.isEmpty, !filter.actor.isEmpty, filter.from != nil, filter.to != nil].filter { $0 }.count
        let more: HTML =
            hasMore ? "<p><a href=\"/admin/audit?\(filter.query(before: events.last?.id ?? 0))\">\(t[.olderEvents])</a></p>" : .empty
        return Page(
            title: t[.auditTitle],
            content: """
                \(FormViews.filterPanel(active: active, t, """
                <form method="get" action="/admin/audit" class="filters" aria-label="\(t[.filtersLabel])">
                \(FormViews.field("action", label: t[.auditAction], value: filter.action, hint: t[.auditActionHint], required: false, t))
                \(FormViews.field("actor", label: t[.auditActor], value: filter.actor, type: "email", required: false, t))
                \(FormViews.field("from", label: t[.periodFrom], value: filter.from?.iso ?? "", type: "date", required: false, t))
                \(FormViews.field("to", label: t[.periodTo], value: filter.to?.iso ?? "", type: "date", required: false, t))
                \(FormViews.button(t[.filterButton]))
                </form>
                """))
                \(events.isEmpty ? "<p>\(t[.auditEmpty])</p>" as HTML : """
                \(FormViews.scrollRegion(t[.auditTitle]))<table class="audit"><caption class="visually-hidden">\(t[.auditTitle])</caption>
                <thead><tr><th scope="col">\(t[.auditWhen])</th><th scope="col">\(t[.auditActor])</th><th scope="col">\(t[.auditAction])</th>
                <th scope="col">\(t[.auditTarget])</th><th scope="col">\(t[.auditDetail])</th><th scope="col">\(t[.sessionAddress])</th>
                <th scope="col">\(t[.auditRequest])</th></tr></thead>
                <tbody>\(rows)</tbody></table></div>
                """)
                \(more)
                """)
    }
}
