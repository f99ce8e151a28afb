import Database

/// The demo's survivor-participation panel: the demo facilitator runs it, the demo member
/// ("Sunflower") belongs to it and has accepted the notice, and a few pieces of feedback
/// show each scope and state. Clearly invented, like the rest of the demo.
enum DemoFeedback {
    static let panelName = "East Africa survivors’ panel (demo)"

    static func load(facilitatorEmail: String, memberEmail: String, on connection: Connection) throws {
        let panelID = try connection.queryValue(
            """
            INSERT INTO panel (name, facilitator_id) SELECT \(panelName), id FROM app_user WHERE email = \(facilitatorEmail)
            RETURNING id
            """, as: Int.self)
        try connection.execute("INSERT INTO panel_country (panel_id, country_iso3) SELECT \(panelID), unnest(ARRAY['KEN', 'UGA', 'ETH'])")
        let memberID = try connection.queryValue(
            """
            UPDATE app_user SET pseudonym = display_name, display_name = 'Panel member' WHERE email = \(memberEmail) RETURNING id
            """, as: Int.self)
        try connection.execute(
            """
            INSERT INTO panel_member (user_id, panel_id, consent_version, consented_at)
            VALUES (\(memberID), \(panelID), (SELECT max(version) FROM consent_notice), now())
            """)
        // A public pledge of the demo focal point's entities, so that they can answer.
        let pledge = try connection.queryValue(
            """
            SELECT p.id FROM pledge p
            WHERE p.visibility = 'public'
            ORDER BY p.owner_entity_id IN (SELECT m.entity_id FROM entity_member m JOIN app_user u ON u.id = m.user_id
                                           WHERE u.email = 'focal.point@' || \(DemoData.domain)) DESC, p.id
            LIMIT 1
            """, as: Int.self)
        let items: [(scope: String, moderation: String, review: String, pledge: Int?, note: String?, body: String)] = [
            (
                "public", "published", "answered", pledge, nil,
                "The shelter staff listened to us and explained our rights in our own language. Please keep the interpreters in the next phase."
            ),
            (
                "pledge_owners", "published", "new", pledge, "describes threats",
                "After the hearing, people who knew the recruiter waited outside. We need a safe way to leave the court building."
            ),
            (
                "secretariat", "published", "acknowledged", nil, nil,
                "Our panel would like to be asked before the evaluation questions are written, not after."
            ),
            (
                "panel", "pending", "new", nil, nil,
                "Can we meet in the evening next time? Several of us work during the day."
            ),
        ]
        for item in items {
            try connection.execute(
                """
                INSERT INTO feedback (panel_id, author_id, pledge_id, scope, body, content_note, moderation, review)
                VALUES (\(panelID), \(memberID), \(item.pledge), \(item.scope), \(item.body), \(item.note), \(item.moderation), \(item.review))
                """)
        }
        try connection.execute(
            """
            INSERT INTO feedback_answer (feedback_id, author_id, body)
            SELECT f.id, u.id, 'Thank you. The interpreters are funded until the end of next year, and the evaluation will ask about them.'
            FROM feedback f, app_user u WHERE f.panel_id = \(panelID) AND f.scope = 'public' AND u.email = 'secretariat@' || \(DemoData.domain)
            """)
    }
}
