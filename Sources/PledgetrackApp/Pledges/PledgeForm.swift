import Database
import Foundation

/// A pledge as its form sends it, checked against the reference data and the editor's entities.
struct PledgeForm: Sendable {
    var title = ""
    var description = ""
    var grfID = ""
    var kind = PledgeKind.policy.rawValue
    var owner = ""
    var coOwners: [String] = []
    var countries: [String] = []
    var measures: [String] = []
    var targets: [String] = []
    var actions: [String] = []
    var startDate = ""
    var targetDate = ""
    var visibility = Visibility.public.rawValue
    var why = ""
    var version = 0
    /// The country and co-owner pickers' search text, and whether "Search" sent the form.
    var search = PickerSearch()
    static let pickers = ["country", "co_owner"]

    init() {}

    init(_ form: FormData) {
        title = form.trimmed("title")
        description = form.string("description").trimmingCharacters(in: .whitespacesAndNewlines)
        grfID = form.trimmed("grf_id")
        kind = form.trimmed("kind")
        owner = form.trimmed("owner")
        // An empty value (a blank option) chooses nothing.
        func list(_ name: String) -> [String] { form.strings(name).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        coOwners = list("co_owner")
        countries = list("country")
        measures = list("measure")
        targets = list("sdg")
        actions = list("gcm")
        startDate = form.trimmed("start_date")
        targetDate = form.trimmed("target_date")
        visibility = form.trimmed("visibility")
        why = form.trimmed("why")
        version = Int(form.string("version")) ?? 0
        search = PickerSearch(form, Self.pickers)
    }

    init(_ p: PledgeQueries.Pledge) {
        title = p.title
        description = p.description
        grfID = p.grfID ?? ""
        kind = p.kind.rawValue
        owner = String(p.ownerID)
        coOwners = p.coOwners.map { String($0.id) }
        countries = p.countries.map(\.iso3)
        measures = p.measures.map(String.init)
        targets = p.targets
        actions = p.actions
        startDate = p.startDate?.iso ?? ""
        targetDate = p.targetDate?.iso ?? ""
        visibility = p.visibility.rawValue
        version = p.version
    }

    struct Valid: Sendable {
        let title: String
        let description: String
        let grfID: String?
        let kind: PledgeKind
        let owner: Int
        let coOwners: [Int]
        let countries: [String]
        let measures: [Int]
        let targets: [String]
        let actions: [String]
        let startDate: CalendarDate?
        let targetDate: CalendarDate?
        let visibility: Visibility
    }

    /// What the form may choose from: every entity, and those the editor may make the owner.
    struct Choices: Sendable {
        let entities: [AccountQueries.EntityOption]
        let ownable: Set<Int>
        /// The pledge's countries as stored: they stay choosable even if no longer offered
        /// (an area M49 stopped listing); new choices come from the offered ones.
        var keptCountries: Set<String> = []
        /// The owner and co-owners as stored, when this editor may not change them (a
        /// co-owner's focal point): only the owner entity's focal points and the secretariat do,
        /// since the owners are also the audience of feedback addressed to them.
        var fixedOwnership: (owner: Int, coOwners: Set<Int>)? = nil
    }

    func validate(_ choices: Choices, reference: ReferenceData) -> Result<Valid, FieldErrors> {
        var errors = FieldErrors()
        if title.isEmpty || title.length > 300 { errors.add("title", .pledgeTitleInvalid) }
        if description.length > 10_000 { errors.add("description", .notesTooLong) }
        let grfValid =
            grfID.isEmpty
            || (grfID.count <= 40 && grfID.first!.isASCII && (grfID.first!.isLetter || grfID.first!.isNumber)
                && grfID.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        if !grfValid { errors.add("grf_id", .grfIDInvalid) }
        let kind = PledgeKind(rawValue: self.kind)
        if kind == nil { errors.add("kind", .kindInvalid) }
        let owner = Int(self.owner)
        if owner == nil || !choices.ownable.contains(owner!) { errors.add("owner", .ownerInvalid) }
        let known = Set(choices.entities.map(\.id))
        let coOwners = coOwners.compactMap { Int($0) }
        if coOwners.count != self.coOwners.count || !Set(coOwners).isSubset(of: known) { errors.add("co_owner", .entityUnknown) }
        if let fixed = choices.fixedOwnership {
            if owner != fixed.owner { errors.add("owner", .ownershipOwnerOnly) }
            if Set(coOwners).subtracting([fixed.owner]) != fixed.coOwners { errors.add("co_owner", .ownershipOwnerOnly) }
        }
        if countries.isEmpty {
            errors.add("country", .countriesMissing)
        } else if !countries.allSatisfy({ code in
            reference.country(code).map { $0.offered || choices.keptCountries.contains(code) } ?? false
        }) {
            errors.add("country", .countryUnknown)
        }
        let measures = measures.compactMap { Int($0) }
        if measures.isEmpty {
            errors.add("measure", .measuresMissing)
        } else if measures.count != self.measures.count || !measures.allSatisfy({ reference.measure($0) != nil }) {
            errors.add("measure", .measureUnknown)
        }
        if !targets.allSatisfy({ reference.target($0) != nil }) { errors.add("sdg", .targetUnknown) }
        if !actions.allSatisfy({ reference.action($0) != nil }) { errors.add("gcm", .actionUnknown) }
        let start = startDate.isEmpty ? nil : CalendarDate(iso: startDate)
        if !startDate.isEmpty, start == nil { errors.add("start_date", .dateInvalid) }
        let end = targetDate.isEmpty ? nil : CalendarDate(iso: targetDate)
        if !targetDate.isEmpty, end == nil { errors.add("target_date", .dateInvalid) }
        if let start, let end, end < start { errors.add("target_date", .targetBeforeStart) }
        let visibility = Visibility(rawValue: self.visibility)
        if visibility == nil { errors.add("visibility", .visibilityInvalid) }
        guard errors.isEmpty, let kind, let owner, let visibility else { return .failure(errors) }
        return .success(
            Valid(
                title: title, description: description, grfID: grfID.isEmpty ? nil : grfID, kind: kind, owner: owner,
                coOwners: Array(Set(coOwners).subtracting([owner])).sorted(), countries: Array(Set(countries)).sorted(),
                measures: Array(Set(measures)).sorted(), targets: Array(Set(targets)).sorted(), actions: Array(Set(actions)).sorted(),
                startDate: start, targetDate: end, visibility: visibility))
    }
}

extension PledgeForm.Valid {
    func changes(from old: PledgeQueries.Pledge?, entities: [AccountQueries.EntityOption]) -> [PledgeQueries.FieldChange] {
        var result: [PledgeQueries.FieldChange] = []
        func add(_ field: Strings.Key, _ before: String, _ after: String) {
            if before != after { result.append(.init(field: Strings.stored(field), old: before, new: after)) }
        }
        let name = { (id: Int) in entities.first { $0.id == id }?.name ?? String(id) }
        add(.fieldTitle, old?.title ?? "", title)
        add(.fieldDescription, old?.description ?? "", description)
        add(.fieldGRFID, old?.grfID ?? "", grfID ?? "")
        add(.fieldKind, old.map { Strings.stored($0.kind.label) } ?? "", Strings.stored(kind.label))
        add(.fieldOwner, old?.ownerName ?? "", name(owner))
        add(
            .fieldCoOwners, old?.coOwners.map(\.name).sorted().joined(separator: ", ") ?? "",
            coOwners.map(name).sorted().joined(separator: ", "))
        add(.fieldCountries, old?.countries.map(\.iso3).sorted().joined(separator: ", ") ?? "", countries.joined(separator: ", "))
        add(.navMeasures, old?.measures.map(String.init).joined(separator: ", ") ?? "", measures.map(String.init).joined(separator: ", "))
        add(.measureSDGTargets, old?.targets.joined(separator: ", ") ?? "", targets.joined(separator: ", "))
        add(.measureGCMActions, old?.actions.joined(separator: ", ") ?? "", actions.joined(separator: ", "))
        add(.fieldStartDate, old?.startDate?.iso ?? "", startDate?.iso ?? "")
        add(.fieldTargetDate, old?.targetDate?.iso ?? "", targetDate?.iso ?? "")
        add(.fieldVisibility, old.map { Strings.stored($0.visibility.label) } ?? "", Strings.stored(visibility.label))
        return result
    }
}
