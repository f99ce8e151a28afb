import Database
import Foundation
import Hummingbird
import HummingbirdTesting
import PledgetrackApp
import TestSupport
import Testing

@Suite("Home and measure pages")
struct MeasurePagesTests {
    @Test("the home page shows all 20 measures grouped by the 7 themes, with SDG targets and GCM actions")
    func home() async throws {
        try await AppHarness.withApp { client, _ in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = response.text
                #expect(html.contains("<html lang=\"en\" dir=\"ltr\">"))
                for number in 1...20 {
                    #expect(html.contains("href=\"/measures/\(number)\""), "measure \(number) is linked")
                }
                for theme in [
                    "Legal framework", "Identification and referral", "Assistance and protection",
                    "Prevention", "Justice", "Evidence and participation", "Solutions",
                ] {
                    #expect(html.contains(">\(theme)</h3>"), "theme \(theme)")
                }
                #expect(html.contains("SDG 16.3"))
                #expect(html.contains("GCM (e)"))
                #expect(html.contains("Safe, ethical and meaningful survivor participation"))
            }
        }
    }

    @Test("a measure page names its theme, SDG targets, GCM actions, source and neighbours")
    func measure() async throws {
        try await AppHarness.withApp { client, services in
            let (title, targets, actions) = try await services.pool.queryFirst(
                """
                SELECT m.title,
                       ARRAY(SELECT target_code FROM measure_sdg_target WHERE measure_number = 18 ORDER BY 1),
                       ARRAY(SELECT action_letter::text FROM measure_gcm_action WHERE measure_number = 18 ORDER BY 1)
                FROM measure m WHERE m.number = 18
                """
            ) { row in (try row.decode(0, as: String.self), try row.decode(1, as: [String].self), try row.decode(2, as: [String].self)) }!
            try await client.execute(uri: "/measures/18", method: .get) { response in
                #expect(response.status == .ok)
                let html = response.text
                #expect(html.contains("<h1>Measure 18: \(title)</h1>"))
                #expect(html.contains("Evidence and participation"))
                for code in targets { #expect(html.contains("SDG \(code)</strong>")) }
                for letter in actions { #expect(html.contains("GCM (\(letter))</strong>")) }
                #expect(html.contains("href=\"/measures/17\""))
                #expect(html.contains("href=\"/measures/19\""))
                for next in ["/pledges?measure=18", "/dashboards/measures/18", "/feedback"] {
                    #expect(html.contains("href=\"\(next)\""), "a measure's page leads to \(next)")
                }
                #expect(html.contains("Pledge guidance, measure 18"))
                #expect(html.contains("aria-current=\"page\""))
            }
            try await client.execute(uri: "/measures/1", method: .get) { response in
                #expect(!response.text.contains("rel=\"prev\""), "measure 1 has no previous")
                #expect(!response.text.contains("href=\"/feedback\">What survivor panels said"), "feedback is measure 18's")
            }
        }
    }

    @Test("/measures lists every measure under its theme")
    func measuresList() async throws {
        try await AppHarness.withApp { client, _ in
            try await client.execute(uri: "/measures", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.components(separatedBy: "class=\"measure\"").count - 1 == 20)
                #expect(response.text.contains(">Legal framework</h2>"))
            }
        }
    }

    @Test("text from the database is escaped in the page")
    func escaping() async throws {
        try await AppHarness.withApp { client, services in
            try await services.pool.execute("UPDATE measure SET title = \(#"<script>alert("x")</script> & 'co'"#) WHERE number = 1")
            try await client.execute(uri: "/measures/1", method: .get) { response in
                let html = response.text
                #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;"))
                #expect(!html.contains("<script>alert"))
            }
        }
    }

    @Test("HEAD works wherever GET does")
    func head() async throws {
        try await AppHarness.withApp { client, _ in
            try await client.execute(uri: "/measures/5", method: .head) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
