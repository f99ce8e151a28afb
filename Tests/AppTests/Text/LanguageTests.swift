import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import PledgetrackApp

/// Choosing a language and content in several languages, through the real router.
@Suite("Languages")
struct LanguageTests {
    static func get(
        _ client: some TestClientProtocol, _ path: String, cookie: String? = nil, accept: String? = nil
    ) async throws -> TestResponse {
        var headers = HTTPFields()
        if let cookie { headers[.cookie] = cookie }
        if let accept { headers[.acceptLanguage] = accept }
        return try await client.execute(uri: path, method: .get, headers: headers)
    }

    @Test("?lang= names the language and is remembered; then the browser's; every page links to all six")
    func choosing() async throws {
        try await AppHarness.withApp { client, _ in
            let arabic = try await Self.get(client, "/pledges", accept: "ar, en;q=0.5")
            #expect(arabic.text.contains(#"<html lang="ar" dir="rtl">"#))
            #expect(arabic.text.contains("التعهدات") || arabic.text.contains("تعهد"), "Arabic words")

            let french = try await Self.get(client, "/pledges?kind=policy&lang=fr", accept: "ar")
            #expect(french.text.contains(#"<html lang="fr" dir="ltr">"#))
            let cookie = try #require(french.setCookies.first { $0.hasPrefix("pt_lang=fr") || $0.hasPrefix("__Host-pt_lang=fr") })
            let remembered = try await Self.get(client, "/measures", cookie: String(cookie.prefix { $0 != ";" }), accept: "ar")
            #expect(remembered.text.contains(#"<html lang="fr""#), "the choice outlives the address")
            #expect(remembered.setCookies.allSatisfy { !$0.contains("pt_lang") }, "set once, not on every page")

            for language in Language.allCases {
                #expect(
                    french.text.contains(#"hreflang="\#(language.rawValue)" href="/pledges?kind=policy&amp;lang=\#(language.rawValue)""#))
            }
            #expect(french.text.contains(#"hreflang="x-default" href="/pledges?kind=policy""#))
            #expect(french.text.contains(#"lang="fr" dir="ltr" aria-current="true">Français"#))
            let unknown = try await Self.get(client, "/pledges?lang=de", accept: "zh-CN")
            #expect(unknown.text.contains(#"<html lang="zh""#), "a language not offered falls back to the browser's")
        }
    }

    @Test("an account keeps its language; bad input is refused with a message; a choice made before signing in is adopted")
    func accountLanguage() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let id = try await People.make(pool, "fp@example.org", roles: [.focalPoint], name: "Focal")
            let browser = try await People.signIn(pool, id)
            let (headers, body) = browser.post(["language": "xx"])
            let bad = try await client.execute(uri: "/account/language", method: .post, headers: headers, body: body)
            #expect(bad.status == .unprocessableContent && bad.text.contains("Choose one of the languages in the list."))
            let (h2, b2) = browser.post(["language": "ru"])
            let saved = try await client.execute(uri: "/account/language", method: .post, headers: h2, body: b2)
            #expect(saved.status == .seeOther)
            #expect(try await pool.queryValue("SELECT language FROM app_user WHERE id = \(id)", as: String.self) == "ru")
            let page = try await Self.get(client, "/work", cookie: browser.cookie, accept: "en")
            #expect(page.text.contains(#"<html lang="ru""#), "the account's language wins over the browser's")

            // Signing in with a language chosen in this browser: the account without one takes it.
            let other = try await People.make(pool, "sec@example.org", roles: [.focalPoint], name: "Other")
            let visitor = People.visitor()
            var (lh, lb) = visitor.post(["email": "sec@example.org", "password": People.password])
            lh[.cookie] = visitor.cookie + "; pt_lang=es; __Host-pt_lang=es"
            let signedIn = try await client.execute(uri: "/login", method: .post, headers: lh, body: lb)
            #expect(signedIn.status == .seeOther)
            #expect(try await pool.queryValue("SELECT language FROM app_user WHERE id = \(other)", as: String?.self) == "es")
        }
    }

    @Test("a pledge's translations: saved, shown with a note, kept as typed when wrong, recorded in its history")
    func translations() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let entity = try await People.entity(pool, "Ministry")
            let pledge = try await Pledges.make(pool, owner: entity, title: "Safe shelters")
            let milestone = try await Pledges.milestone(pool, pledge: pledge, title: "Open two shelters")
            let secretariat = try await People.signIn(pool, try await People.make(pool, "s@example.org", roles: [.secretariat]))
            func save(_ fields: [String: String]) async throws -> TestResponse {
                let (headers, body) = secretariat.post(fields)
                return try await client.execute(uri: "/pledges/\(pledge)/translations", method: .post, headers: headers, body: body)
            }
            let form = try await Self.get(client, "/pledges/\(pledge)/translations", cookie: secretariat.cookie)
            #expect(form.status == .ok && form.text.contains(#"name="title_ar""#) && form.text.contains(#"lang="ar" dir="rtl""#))
            #expect(!form.text.contains(#"name="title_en""#), "no translation into the pledge's own language")

            let noTitle = try await save(["language": "en", "description_fr": "Des abris sûrs, décrits."])
            #expect(noTitle.status == .unprocessableContent && noTitle.text.contains("Des abris sûrs, décrits."))
            #expect(noTitle.text.contains("Give the title in this language as well"))
            #expect(try await pool.queryValue("SELECT count(*)::int FROM pledge_translation", as: Int.self) == 0, "nothing half-written")

            let saved = try await save([
                "language": "en", "title_fr": "Des abris sûrs", "description_fr": "Des abris sûrs, décrits.",
                "milestone_\(milestone)_fr": "Ouvrir deux abris",
            ])
            #expect(saved.status == .seeOther)
            let inFrench = try await Self.get(client, "/pledges/\(pledge)?lang=fr")
            #expect(inFrench.text.contains("<h1>\u{2068}Des abris sûrs\u{2069}</h1>") && inFrench.text.contains("Ouvrir deux abris"))
            #expect(inFrench.text.contains("anglais"), "says it is a translation from English")
            let inSpanish = try await Self.get(client, "/pledges/\(pledge)?lang=es")
            #expect(
                inSpanish.text.contains("<h1>\u{2068}Safe shelters\u{2069}</h1>") && inSpanish.text.contains("inglés"),
                "the original, marked")
            let list = try await Self.get(client, "/pledges?lang=fr")
            #expect(list.text.contains("Des abris sûrs"))
            #expect(
                try await pool.queryValue("SELECT count(*)::int FROM change_event WHERE action = 'pledge.translated'", as: Int.self) == 1)

            // Saying the pledge is written in French while a French translation exists is refused.
            let clash = try await save(["language": "fr", "title_fr": "Des abris sûrs"])
            #expect(clash.status == .unprocessableContent && clash.text.contains("has a translation below"))
            // Emptying a language removes its translation, milestone titles included.
            #expect(try await save(["language": "en"]).status == .seeOther)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM pledge_translation", as: Int.self) == 0)
            #expect(try await pool.queryValue("SELECT count(*)::int FROM milestone_translation", as: Int.self) == 0)
        }
    }

    @Test("the history is kept by key: a change made in French reads in English and in Arabic")
    func historyInEveryLanguage() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let entity = try await People.entity(pool, "Ministry")
            let pledge = try await Pledges.make(pool, owner: entity, title: "Safe shelters")
            let secretariat = try await People.signIn(pool, try await People.make(pool, "s@example.org", roles: [.secretariat]))
            var (headers, body) = secretariat.post(["reason": "Le financement a pris fin."])
            headers[.cookie] = secretariat.cookie + "; pt_lang=fr; __Host-pt_lang=fr"
            let withdrawn = try await client.execute(uri: "/pledges/\(pledge)/withdraw", method: .post, headers: headers, body: body)
            #expect(withdrawn.status == .seeOther)
            let english = try await Self.get(client, "/pledges/\(pledge)?lang=en")
            #expect(
                english.text.contains("<strong>Status</strong>: <bdi>Planning</bdi> → <bdi>Withdrawn</bdi>"),
                "stored by key, read in English")
            let french = try await Self.get(client, "/pledges/\(pledge)?lang=fr")
            #expect(!french.text.contains("<strong>Status</strong>"))
            #expect(Strings(.english).shown(Strings.stored(.translationTitleLabel, language: .french)) == "Title in French")
            #expect(Strings(.english).shown("2026-12-02") == "2 December 2026")
            #expect(Strings(.english).shown("typed words") == "typed words")
        }
    }

    @Test("search finds translated words and Chinese written without spaces; titles sort by the reader's collation")
    func searchAndSort() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let entity = try await People.entity(pool, "Ministry")
            let shelters = try await Pledges.make(pool, owner: entity, title: "Safe shelters")
            _ = try await Pledges.make(pool, owner: entity, title: "建立安全庇护所网络")
            _ = try await Pledges.make(pool, owner: entity, title: "Équipes mobiles")
            _ = try await Pledges.make(pool, owner: entity, title: "Zones d’accueil")
            try await pool.execute(
                "INSERT INTO pledge_translation (pledge_id, language, title) VALUES (\(shelters), 'fr', 'Abris sûrs pour les survivants')")
            let french = try await Self.get(client, "/pledges?q=survivants&lang=fr")
            #expect(french.text.contains("Abris sûrs pour les survivants"), "a translation's words are searched")
            let chinese = try await Self.get(
                client, "/pledges?q=\("庇护所".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&lang=zh")
            #expect(chinese.text.contains("建立安全庇护所网络"), "Chinese letters as typed")
            let sorted = try await Self.get(client, "/pledges?sort=title&lang=fr")
            let order = ["Abris sûrs", "Équipes mobiles", "Zones d’accueil"].compactMap { sorted.text.range(of: $0)?.lowerBound }
            #expect(order.count == 3 && order == order.sorted(), "É sorts with E in French, by the title the reader sees")
        }
    }

    @Test("feedback records the language it was written in and says so to readers of another")
    func feedbackLanguage() async throws {
        try await AppHarness.withApp { client, services in
            let pool = services.pool
            let fixture = try await FeedbackTests.Fixture.make(pool)
            let posted = try await fixture.post(
                client, .author, "/feedback/new", ["body": "نريد مأوى آمنا. شكرا.", "scope": "panel", "language": "ar"])
            #expect(posted.status == .seeOther)
            let id = try await pool.queryValue("SELECT id FROM feedback WHERE language = 'ar'", as: Int.self)
            let page = try await Self.get(client, "/feedback/\(id)?lang=en", cookie: fixture.people[.author]!.cookie)
            #expect(page.text.contains(#"lang="ar" dir="auto">نريد مأوى آمنا. شكرا."#))
            #expect(page.text.contains("Written in Arabic."))
            let bad = try await fixture.post(client, .author, "/feedback/new", ["body": "Words.", "scope": "panel", "language": "xx"])
            #expect(bad.status == .unprocessableContent && bad.text.contains("Words."))
        }
    }
}
