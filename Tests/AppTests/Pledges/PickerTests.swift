import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import PledgetrackApp

/// The check-box pickers (countries, co-owners, entities) and the UN's country table
/// (migration 0013), through the real router and database.
@Suite("Pickers and UN country names")
struct PickerTests {
    /// A form post with repeated fields (several countries), in the given order.
    static func post(
        _ client: some TestClientProtocol, _ browser: People.Browser, _ path: String, _ pairs: [(String, String)]
    ) async throws -> TestResponse {
        var headers = browser.headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = ([("csrf_token", browser.masked)] + pairs).map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func pledgeFields(_ owner: Int, countries: [String], _ extra: [(String, String)] = []) -> [(String, String)] {
        [
            ("title", "Shelters on the “northern” route"), ("description", "Two shelters & a hotline."), ("grf_id", "GRF-77"),
            ("kind", "material"), ("owner", String(owner)), ("measure", "6"), ("sdg", "8.7"), ("start_date", "2026-01-01"),
            ("target_date", "2027-12-31"), ("visibility", "public"), ("why", "Agreed at the meeting"), ("version", "0"),
        ] + countries.map { ("country", $0) } + extra
    }

    @Test("a search in the country picker brings the form back with everything typed, the matches and the choices")
    func searchKeepsTheForm() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let w = try await PledgeTests.world(pool)
            let fields = Self.pledgeFields(
                w.entity, countries: ["KEN", "UGA"],
                [("co_owner", String(w.otherEntity)), ("country_search", "korea"), ("picker_search", "country")])
            let response = try await Self.post(client, w.secretariat, "/pledges/new", fields)
            #expect(response.status == .ok)
            let page = response.text
            // Everything typed is back.
            #expect(page.contains("value=\"Shelters on the “northern” route\""))
            #expect(page.contains(">Two shelters &amp; a hotline.</textarea>"))
            #expect(page.contains("name=\"grf_id\" type=\"text\" value=\"GRF-77\""))
            #expect(page.contains("name=\"target_date\" type=\"date\" value=\"2027-12-31\""))
            #expect(page.contains("name=\"why\" type=\"text\" value=\"Agreed at the meeting\""))
            #expect(page.contains("name=\"measure\" value=\"6\" checked"))
            #expect(page.contains("name=\"sdg\" value=\"8.7\" checked"))
            #expect(page.contains("name=\"co_owner\" value=\"\(w.otherEntity)\" checked"))
            #expect(page.contains("name=\"country_search\" type=\"search\" value=\"korea\""))
            // The matches, by their UN names, and the countries already chosen; nothing else.
            #expect(page.contains("name=\"country\" value=\"KOR\">"))
            #expect(
                page.contains("<label for=\"country-3\"><bdi>Republic of Korea</bdi></label>")
                    || page.contains(">Republic of Korea</bdi></label>"))
            #expect(page.contains(">Democratic People&#39;s Republic of Korea</bdi></label>"))
            #expect(page.contains("name=\"country\" value=\"KEN\" checked"))
            #expect(page.contains("name=\"country\" value=\"UGA\" checked"))
            #expect(!page.contains("name=\"country\" value=\"FRA\""))
            #expect(page.contains("4 of 241 shown, 2 chosen."))
            // Nothing was saved.
            #expect(try await pool.queryValue("SELECT count(*)::int FROM pledge", as: Int.self) == 1)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM change_event", as: Int.self) == 0)

            // Case, accents and the kind of apostrophe do not matter; nothing found is said.
            let ivoire = try await Self.post(
                client, w.secretariat, "/pledges/new",
                Self.pledgeFields(w.entity, countries: [], [("country_search", "COTE D'IVOIRE"), ("picker_search", "country")]))
            #expect(ivoire.text.contains(">Côte d’Ivoire</bdi></label>"))
            let none = try await Self.post(
                client, w.secretariat, "/pledges/new",
                Self.pledgeFields(w.entity, countries: [], [("country_search", "Atlantis"), ("picker_search", "country")]))
            #expect(none.text.contains("Nothing matches “Atlantis”."))
        }
    }

    @Test("a save with several countries stores them all; an unknown or unoffered country is refused and nothing written")
    func severalCountries() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let w = try await PledgeTests.world(pool)
            let saved = try await Self.post(client, w.focal, "/pledges/new", Self.pledgeFields(w.entity, countries: ["KEN", "UGA", "TUR"]))
            #expect(saved.status == .seeOther)
            let id = try await pool.queryValue("SELECT max(id)::int FROM pledge", as: Int.self)
            #expect(
                try await pool.queryValue(
                    "SELECT array_agg(country_iso3::text ORDER BY country_iso3)::text[] FROM pledge_country WHERE pledge_id = \(id)",
                    as: [String].self) == ["KEN", "TUR", "UGA"])

            for bad in ["XYZ", "TWN", "ATA"] {  // not in the table; not listed by M49; uninhabited
                let refused = try await Self.post(client, w.focal, "/pledges/new", Self.pledgeFields(w.entity, countries: ["KEN", bad]))
                #expect(refused.status == .unprocessableContent)
                #expect(refused.text.contains("One of the countries is not in the list. Choose from the list."))
                #expect(refused.text.contains("value=\"Shelters on the “northern” route\""))
                #expect(refused.text.contains("name=\"country\" value=\"KEN\" checked"))
                #expect(try await pool.queryValue("SELECT count(*)::int FROM pledge", as: Int.self) == 2)
            }
        }
    }

    @Test("a pledge's country that is no longer offered stays on its form and may be kept")
    func keptCountry() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let w = try await PledgeTests.world(pool)
            let pledge = try await Pledges.make(pool, owner: w.entity, countries: ["ATF"])
            let form = try await client.execute(uri: "/pledges/\(pledge)/edit", method: .get, headers: w.focal.headers)
            #expect(form.text.contains("name=\"country\" value=\"ATF\" checked"))
            #expect(!form.text.contains("name=\"country\" value=\"BVT\""))
            let version = try await pool.queryValue("SELECT version FROM pledge WHERE id = \(pledge)", as: Int.self)
            var fields = Self.pledgeFields(w.entity, countries: ["ATF", "KEN"])
            fields.removeAll { $0.0 == "version" || $0.0 == "grf_id" }
            fields.append(("version", String(version)))
            let saved = try await Self.post(client, w.focal, "/pledges/\(pledge)/edit", fields)
            #expect(saved.status == .seeOther)
        }
    }

    @Test("the entity picker on the user form searches without losing what was typed")
    func userFormSearch() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let w = try await PledgeTests.world(pool)
            let response = try await Self.post(
                client, w.secretariat, "/admin/users/new",
                [
                    ("email", "new.person@example.org"), ("display_name", "New Person"), ("role", "focal_point"),
                    ("entity", String(w.entity)), ("entity_search", "other"), ("picker_search", "entity"),
                ])
            #expect(response.status == .ok)
            #expect(response.text.contains("value=\"new.person@example.org\""))
            #expect(response.text.contains("value=\"New Person\""))
            #expect(response.text.contains("name=\"role\" value=\"focal_point\" checked"))
            #expect(response.text.contains("name=\"entity\" value=\"\(w.entity)\" checked"))
            #expect(response.text.contains("name=\"entity\" value=\"\(w.otherEntity)\">"))
            #expect(
                try await pool.queryValue("SELECT count(*)::int FROM app_user WHERE email = 'new.person@example.org'", as: Int.self) == 0)
        }
    }

    @Test("the panel form's country search keeps what was typed; an uninhabited area is refused, nothing written")
    func panelForm() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let w = try await PledgeTests.world(pool)
            let fields = [("name", "Northern route panel"), ("flag_threshold", "4"), ("facilitator", ""), ("country", "KEN")]
            let searched = try await Self.post(
                client, w.secretariat, "/panels/new", fields + [("country_search", "viet"), ("picker_search", "country")])
            #expect(searched.status == .ok)
            #expect(searched.text.contains("value=\"Northern route panel\""))
            #expect(searched.text.contains("name=\"flag_threshold\" type=\"text\" value=\"4\""))
            #expect(searched.text.contains(">Viet Nam</bdi></label>"))
            #expect(searched.text.contains("name=\"country\" value=\"KEN\" checked"))
            #expect(!searched.text.contains("name=\"country\" value=\"FRA\""))
            let refused = try await Self.post(client, w.secretariat, "/panels/new", fields + [("country", "BVT")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("One of the countries is not in the list. Choose from the list."))
            #expect(try await pool.queryValue("SELECT count(*)::int FROM panel", as: Int.self) == 0)
            let saved = try await Self.post(client, w.secretariat, "/panels/new", fields + [("country", "VNM")])
            #expect(saved.status == .seeOther)
            #expect(
                try await pool.queryValue(
                    "SELECT array_agg(country_iso3::text ORDER BY country_iso3)::text[] FROM panel_country", as: [String].self)
                    == ["KEN", "VNM"])
        }
    }

    @Test("the country table carries the UN's names and marks what is not offered")
    func unNames() async throws {
        try await AppHarness.withApp { _, services in
            let pool = services.pool
            let names = try await pool.query(
                "SELECT iso3::text, name FROM country WHERE iso3 = ANY(\(["KOR", "PSE", "VAT", "VNM", "TUR", "GBR", "NLD", "CIV"])::text[]) ORDER BY iso3"
            ) { row in "\(try row.decode(0, as: String.self))=\(try row.decode(1, as: String.self))" }
            #expect(
                names == [
                    "CIV=Côte d’Ivoire", "GBR=United Kingdom of Great Britain and Northern Ireland", "KOR=Republic of Korea",
                    "NLD=Netherlands (Kingdom of the)", "PSE=State of Palestine", "TUR=Türkiye", "VAT=Holy See", "VNM=Viet Nam",
                ])
            #expect(try await pool.queryValue("SELECT count(*)::int FROM country", as: Int.self) == 248)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM country WHERE iso3 = 'TWN'", as: Int.self) == 0)
            #expect(
                try await pool.queryValue(
                    "SELECT array_agg(iso3::text ORDER BY iso3)::text[] FROM country WHERE uninhabited", as: [String].self)
                    == ["ATA", "ATF", "BVT", "HMD", "IOT", "SGS", "UMI"])
            #expect(try await pool.queryValue("SELECT sub_region_code::text FROM country WHERE iso3 = 'NRU'", as: String.self) == "057")
        }
    }
}
