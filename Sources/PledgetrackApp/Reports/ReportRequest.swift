import Database
import Foundation

/// What a report covers and how it is delivered, read from the reports form (a query string,
/// so a report can be bookmarked and a dashboard can link to its own view). The filters are the
/// pledge list's and the dashboards'; the period is an "as of" day and, for what changed, a
/// "since" day. Unlike the dashboards, which leave out a filter they cannot read, a report says
/// what to fix: a download must never quietly cover something other than what was asked.
struct ReportRequest: Sendable {
    var filter = PledgeFilter()
    /// The day whose end the report shows; nil means now.
    var asOf: CalendarDate?
    /// With a start, the report also lists what changed from the end of that day to `asOf`.
    var since: CalendarDate?
    var format: ReportFormat?
    /// What was typed, field by field, to show back in the form.
    var typed: [String: String] = [:]
    var errors = FieldErrors()

    static let filterFields = ["country", "region", "entity", "kind", "pledge_kind", "measure", "sdg", "gcm", "status", "from", "to"]
    static let fields = filterFields + ["as_of", "since", "format"]

    init() {}

    /// Reads and checks every field; `entityExists` answers whether an entity id is known;
    /// `historyFrom` is the first day the state history is complete on (nil: from the start).
    init(
        _ query: [(key: String, value: String)], reference: ReferenceData, today: CalendarDate, historyFrom: CalendarDate? = nil,
        entityExists: (Int) -> Bool
    ) {
        for (key, value) in query where Self.fields.contains(key) {
            let v = value.trimmingCharacters(in: .whitespaces)
            if !v.isEmpty { typed[key] = String(v.prefix(100)) }
        }
        func read<T>(_ name: String, _ error: Strings.Key, _ parse: (String) -> T?) -> T? {
            guard let text = typed[name] else { return nil }
            if let value = parse(text) { return value }
            errors.add(name, error)
            return nil
        }
        filter.country = read("country", .reportErrorCountry) { reference.country($0.uppercased())?.iso3 }
        filter.region = read("region", .reportErrorRegion) { reference.region($0)?.code }
        filter.entity = read("entity", .reportErrorEntity) { Int($0).flatMap { entityExists($0) ? $0 : nil } }
        filter.entityKind = read("kind", .reportErrorEntityKind, EntityKind.init(rawValue:))
        filter.pledgeKind = read("pledge_kind", .reportErrorPledgeKind, PledgeKind.init(rawValue:))
        filter.measure = read("measure", .reportErrorMeasure) { Int($0).flatMap { reference.measure($0)?.number } }
        filter.target = read("sdg", .reportErrorTarget) { reference.target($0)?.code }
        filter.action = read("gcm", .reportErrorAction) { reference.action($0.lowercased())?.letter }
        filter.status = read("status", .reportErrorStatus, PledgeStatus.init(rawValue:))
        filter.from = read("from", .reportErrorDate, FilterCodes.day)
        filter.to = read("to", .reportErrorDate, FilterCodes.day)
        if let from = filter.from, let to = filter.to, to < from { errors.add("to", .reportErrorOrder) }
        asOf = read("as_of", .reportErrorDate, FilterCodes.day)
        since = read("since", .reportErrorDate, FilterCodes.day)
        if let asOf, asOf > today {
            errors.add("as_of", .reportErrorFuture)
        } else if let asOf, let historyFrom, asOf < historyFrom {
            errors.add("as_of", .reportErrorBeforeHistory)
        }
        if let since, since > today {
            errors.add("since", .reportErrorFuture)
        } else if let since, since >= (asOf ?? today) {
            errors.add("since", .reportErrorSinceOrder)
        } else if let since, let historyFrom, since < historyFrom {
            errors.add("since", .reportErrorBeforeHistory)
        }
        format = read("format", .reportErrorFormat, ReportFormat.init(rawValue:))
        // Shown back as the lists spell them (a typed "ken" selects Kenya).
        if let country = filter.country { typed["country"] = country }
        if let action = filter.action { typed["gcm"] = action }
    }

    /// When the report's figures are read.
    var moment: Moment { asOf.map(Moment.endOf) ?? .now }

    /// The query of this report's form without its format: the address to come back to and change it.
    var formQuery: String {
        var parts = [filter.queryString()].filter { !$0.isEmpty }
        if let asOf { parts.append("as_of=" + asOf.iso) }
        if let since { parts.append("since=" + since.iso) }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    /// `pledgetrack-<scope>-<date>.<ext>`: the scope from the filters (or "all"), the table for a
    /// CSV file, and the day the report shows (a span for what changed).
    func fileName(_ format: ReportFormat, today: CalendarDate) -> String {
        var parts: [String] = []
        let f = filter
        if let country = f.country { parts.append(country.lowercased()) }
        if let region = f.region { parts.append("region-" + region) }
        if let entity = f.entity { parts.append("entity-\(entity)") }
        if let kind = f.entityKind { parts.append(kind.rawValue) }
        if let kind = f.pledgeKind { parts.append(kind.rawValue) }
        if let measure = f.measure { parts.append("measure-\(measure)") }
        if let target = f.target { parts.append("sdg-" + target) }
        if let action = f.action { parts.append("gcm-" + action) }
        if let status = f.status { parts.append(status.rawValue) }
        if let from = f.from { parts.append("from-" + from.iso) }
        if let to = f.to { parts.append("to-" + to.iso) }
        if parts.isEmpty { parts.append("all") }
        if let table = format.table { parts.append(table.rawValue) }
        let day = (asOf ?? today).iso
        let date = since.map { "\($0.iso)-to-\(day)" } ?? day
        let scope = parts.joined(separator: "-").replacingOccurrences(of: "_", with: "-")
        return "pledgetrack-\(scope)-\(date).\(format.fileExtension)"
    }

    /// The filters as the audit log keeps them.
    var auditDetail: [String: String] {
        var detail = typed.filter { Self.filterFields.contains($0.key) }
        if let asOf { detail["as_of"] = asOf.iso }
        if let since { detail["since"] = since.iso }
        if let format { detail["format"] = format.rawValue }
        return detail
    }

    /// What the report is about, for its title: the country, region, entity, measure, SDG target
    /// or GCM action it is narrowed to ("Kenya", "Measure 3"); nil when it is about none of them.
    func subject(_ reference: ReferenceData, entityName: String?, _ t: Strings) -> String? {
        let f = filter
        var names: [String] = []
        if let country = f.country.flatMap({ reference.country($0) }) { names.append(country.name) }
        if let region = f.region.flatMap({ reference.region($0) }) { names.append(region.name) }
        if let entityName { names.append(entityName) }
        if let measure = f.measure { names.append(t.format(.measureNumber, numbers: ["number": measure])) }
        if let target = f.target { names.append(t.format(.sdgTargetShort, "code", target)) }
        if let action = f.action { names.append(t.format(.briefSubjectAction, "letter", action)) }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }

    /// The report's title: "Progress report — Kenya", or "Progress report" about everything.
    func title(_ reference: ReferenceData, entityName: String?, _ t: Strings) -> String {
        subject(reference, entityName: entityName, t).map { t.format(.briefTitleAbout, ["title": t[.briefTitle], "subject": $0]) }
            ?? t[.briefTitle]
    }

    /// The filters in words ("Country: Kenya"), or "All pledges".
    func describe(_ reference: ReferenceData, entityName: String?, _ t: Strings) -> [String] {
        let f = filter
        var lines: [String] = []
        func add(_ label: Strings.Key, _ value: String?) {
            if let value { lines.append("\(t[label]): \(value)") }
        }
        add(.fieldCountry, f.country.flatMap { reference.country($0)?.name })
        add(.fieldRegion, f.region.flatMap { reference.region($0)?.name })
        add(.fieldEntity, entityName)
        add(.fieldEntityKind, f.entityKind.map { t[$0.label] })
        add(.fieldKind, f.pledgeKind.map { t[$0.label] })
        add(.fieldMeasure, f.measure.flatMap { reference.measure($0) }.map { "\($0.number). \($0.title)" })
        add(.fieldSDGTarget, f.target.flatMap { reference.target($0) }.map { "\($0.code) \($0.title)" })
        add(.fieldGCMAction, f.action.flatMap { reference.action($0) }.map { "\($0.letter) \($0.title)" })
        add(.fieldStatus, f.status.map { t[$0.label] })
        add(.periodFrom, f.from.map { Formatting.date($0, t.language) })
        add(.periodTo, f.to.map { Formatting.date($0, t.language) })
        return lines.isEmpty ? [t[.reportAllPledges]] : lines
    }
}
