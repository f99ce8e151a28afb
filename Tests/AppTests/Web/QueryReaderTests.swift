import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import PledgetrackApp

/// One way to read a query string, and one policy for a value that cannot be read: it is left
/// out and the page names it, on the pledge list, the feedback list and the dashboards alike.
@Suite("Query strings: one reader, one policy for a bad value")
struct QueryReaderTests {
    @Test("the first value counts, trimmed; empty is not given; too long or unreadable is ignored and named")
    func reader() {
        var r = QueryReader([
            (key: "a", value: " one "), (key: "a", value: "two"), (key: "b", value: ""),
            (key: "c", value: String(repeating: "x", count: 201)), (key: "d", value: "abc"),
        ])
        #expect(r.text("a") == "one")
        #expect(r.text("b") == nil && r.has("b"))
        #expect(r.read("c", .fieldTitle) { $0 } == nil)
        #expect(r.read("d", .fieldMeasure) { Int($0) } == nil)
        #expect(r.read("missing", .fieldCountry) { $0 } == nil)
        #expect(r.ignored == [.fieldTitle, .fieldMeasure], "given but unreadable, in order; a missing one is not named")
        #expect(FilterCodes.day("2026-02-30") == nil && FilterCodes.day("2026-02-28") != nil && FilterCodes.page("0") == nil)
    }

    @Test("the pledge list and the feedback list name the filters they ignored")
    func pagesNameIgnoredFilters() async throws {
        try await AppHarness.withApp { client, services in
            let pledges = try await client.execute(uri: "/pledges?country=XXX&measure=21&page=abc&region=150", method: .get)
            #expect(pledges.status == .ok)
            for label in ["Country", "Measure", "Pages"] {
                #expect(pledges.text.contains("<li>" + Strings(.english).format(.filterIgnored, ["filter": label])), "\(label)")
            }
            #expect(!pledges.text.contains(Strings(.english).format(.filterIgnored, ["filter": "Region"])), "a known region is read")
            let feedback = try await client.execute(uri: "/feedback?review=bogus&country=ken", method: .get)
            #expect(feedback.text.contains(Strings(.english).format(.filterIgnored, ["filter": "Review status"])))
            #expect(!feedback.text.contains(Strings(.english).format(.filterIgnored, ["filter": "Country"])))
        }
    }
}
