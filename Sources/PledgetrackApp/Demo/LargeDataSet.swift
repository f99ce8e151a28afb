import Database

/// `pledgetrack generate-large`: the benchmark's data set, made by the database itself with
/// `generate_series` (no row crosses the wire): 300 entities, 2,000 users, 10,000 pledges in
/// all countries, 60,000 milestones with their history, 20 survivor panels with 600 members
/// and 30,000 pieces of feedback. Deterministic: the same every time.
public enum LargeDataSet {
    public struct Size: Sendable {
        public var entities = 300
        public var users = 2_000
        public var pledges = 10_000
        public var milestonesPerPledge = 6
        public var panels = 20
        public var panelMembers = 600
        public var feedback = 30_000
        public init() {}

        /// The set `factor` times over (entities, users, pledges with their milestones and
        /// feedback); the panels stay as they are. At 10: 100,000 pledges, 600,000 milestones.
        public static func times(_ factor: Int) -> Size {
            var size = Size()
            size.entities *= factor
            size.users *= factor
            size.pledges *= factor
            size.feedback *= factor
            return size
        }
    }

    public static let domain = "generated.pledgetrack.example"

    /// Loads the set into a database with no pledges yet; returns false (and loads nothing)
    /// when there are pledges already. `passwordHash` is every generated user's password hash.
    public static func load(_ size: Size = Size(), passwordHash: String, on pool: ConnectionPool) async throws -> Bool {
        let loaded = try await insert(size, passwordHash: passwordHash, on: pool)
        if loaded {
            // The triggers rewrite every pledge while the milestones go in; a table in daily use
            // does not carry three versions of each row, so neither should the benchmark's.
            // Maintenance, not a request: on a busy machine it may take longer than the
            // statement timeout that guards requests, so that timeout is lifted for it.
            try await pool.withConnection { connection in
                let timeout = try connection.queryValue("SHOW statement_timeout", as: String.self)
                try connection.run("SET statement_timeout = 0")
                defer { _ = try? connection.execute("SELECT set_config('statement_timeout', \(timeout), false)") }
                try connection.run("VACUUM (FULL, ANALYZE) pledge")  // one statement each: VACUUM runs outside a transaction
                try connection.run("VACUUM ANALYZE")
            }
        }
        return loaded
    }

    private static func insert(_ size: Size, passwordHash: String, on pool: ConnectionPool) async throws -> Bool {
        try await pool.transaction { connection in
            guard try connection.queryValue("SELECT NOT EXISTS (SELECT 1 FROM pledge)", as: Bool.self) else { return false }
            // A load, not a request: at ten times the size one statement may run past the
            // timeout that guards requests.
            try connection.run("SET LOCAL statement_timeout = 0")
            // The countries a person could choose (migration 0013): listed by M49, inhabited.
            try connection.execute(
                """
                CREATE TEMP TABLE gen_country ON COMMIT DROP AS
                SELECT row_number() OVER (ORDER BY iso3) - 1 AS n, iso3 FROM country WHERE un_listed AND NOT uninhabited
                """)
            try connection.execute(
                """
                INSERT INTO entity (name, kind, home_country)
                SELECT 'Generated entity ' || lpad(i::text, 4, '0'),
                       (ARRAY['state','un_agency','international_organisation','civil_society','refugee_led',
                              'survivor_led','local_authority','private_sector','academia'])[1 + i % 9],
                       (SELECT iso3 FROM gen_country WHERE n = (i * 7) % (SELECT count(*) FROM gen_country))
                FROM generate_series(1, \(size.entities)) i
                """)
            try connection.execute(
                """
                INSERT INTO app_user (email, display_name, password_hash, password_changed_at)
                SELECT 'user' || i || \("@" + domain), 'Generated user ' || i, \(passwordHash), now()
                FROM generate_series(1, \(size.users)) i
                """)
            try connection.execute(
                """
                INSERT INTO user_role (user_id, role)
                SELECT id, CASE WHEN row_number() OVER (ORDER BY id) % 50 = 0 THEN 'secretariat' ELSE 'focal_point' END
                FROM app_user WHERE email LIKE \("%@" + domain)
                """)
            try connection.execute(
                """
                INSERT INTO entity_member (user_id, entity_id)
                SELECT u.id, e.id
                FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM app_user WHERE email LIKE \("%@" + domain)) u
                JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM entity WHERE name LIKE 'Generated entity %') e
                  ON e.n = 1 + u.n % \(size.entities)
                """)
            try connection.execute(
                """
                CREATE TEMP TABLE gen_entity ON COMMIT DROP AS
                SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM entity WHERE name LIKE 'Generated entity %'
                """)
            try connection.execute(
                """
                INSERT INTO pledge (owner_entity_id, title, description, grf_id, kind, start_date, target_date, visibility, created_at)
                SELECT (SELECT id FROM gen_entity WHERE n = i % \(size.entities)),
                       (ARRAY['Training for frontline officials', 'Referral between asylum and anti-trafficking systems',
                              'Safe shelter and care', 'Legal aid for victims', 'Child protection measures', 'Decent work and fair recruitment',
                              'Survivor participation in policy', 'Data and research on trafficking', 'Resettlement and safe pathways',
                              'Return and reintegration support'])[1 + i % 10] || ' — generated pledge ' || i,
                       'A generated pledge for the benchmark: its milestones and history are generated too. Keywords: shelter, training, referral, '
                           || (ARRAY['protection','justice','prevention','evidence','solutions'])[1 + i % 5] || '.',
                       'GRF-GEN-' || lpad(i::text, 6, '0'),
                       (ARRAY['policy','financial','technical','material'])[1 + i % 4],
                       date '2024-01-01' + (i % 500), date '2027-01-01' + (i % 900),
                       CASE WHEN i % 10 = 0 THEN 'restricted' ELSE 'public' END,
                       now() - make_interval(days => 30 + i % 700)
                FROM generate_series(1, \(size.pledges)) i
                """)
            try connection.execute(
                "CREATE TEMP TABLE gen_pledge ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY id) AS i, id FROM pledge")
            try connection.execute(
                """
                INSERT INTO pledge_country (pledge_id, country_iso3)
                SELECT DISTINCT p.id, c.iso3 FROM gen_pledge p, LATERAL (VALUES (p.i * 13), (p.i * 29 + 7)) k(v)
                JOIN gen_country c ON c.n = k.v % (SELECT count(*) FROM gen_country)
                """)
            try connection.execute(
                """
                INSERT INTO pledge_measure (pledge_id, measure_number)
                SELECT DISTINCT p.id, 1 + v % 20 FROM gen_pledge p, LATERAL (VALUES (p.i), (p.i * 7 + 3)) k(v)
                """)
            try connection.execute(
                """
                INSERT INTO pledge_sdg_target (pledge_id, target_code)
                SELECT DISTINCT p.id, (ARRAY['5.2','8.7','8.8','10.7','16.2','16.3'])[1 + v % 6] FROM gen_pledge p, LATERAL (VALUES (p.i), (p.i * 5 + 1)) k(v)
                """)
            try connection.execute(
                """
                INSERT INTO pledge_gcm_action (pledge_id, action_letter)
                SELECT p.id, substr('abcdefghij', 1 + (p.i % 10)::int, 1) FROM gen_pledge p
                """)
            // Milestones: two per stage by default; how far along depends on the pledge.
            try connection.execute(
                """
                INSERT INTO milestone (pledge_id, stage, position, title, due_date, status, percent_complete, completed_on, validation, updated_at)
                SELECT p.id, s.stage, s.position, s.title, date '2025-01-01' + ((p.i * 37 + s.k * 53) % 900)::int,
                       st.status, CASE st.status WHEN 'done' THEN 100 WHEN 'not_started' THEN 0 ELSE (p.i * 17 + s.k) % 90 END,
                       CASE WHEN st.status = 'done' THEN date '2025-01-01' + ((p.i + s.k * 11) % 600)::int END,
                       CASE WHEN st.status = 'done' AND s.stage = 'evaluation' THEN (CASE WHEN p.i % 3 = 0 THEN 'pending' ELSE 'validated' END) END,
                       now() - make_interval(days => ((p.i * 3 + s.k) % 400)::int)
                FROM gen_pledge p
                CROSS JOIN LATERAL (
                    SELECT k, (ARRAY['commitment','implementation','evaluation'])[1 + (k - 1) * 3 / \(size.milestonesPerPledge)] AS stage,
                           1 + (k - 1) % greatest(1, \(size.milestonesPerPledge) / 3) AS position,
                           (ARRAY['Agreement signed','Budget approved','First activities under way','Reached every planned site',
                                  'Mid-term review','Evaluation published'])[1 + (k - 1) % 6] AS title
                    FROM generate_series(1, \(size.milestonesPerPledge)) k
                ) s
                CROSS JOIN LATERAL (
                    SELECT CASE
                        WHEN (p.i % 5) * 2 >= s.k THEN 'done'
                        WHEN (p.i % 5) * 2 + 1 = s.k THEN (ARRAY['on_track','at_risk','delayed','dropped'])[1 + (p.i + s.k) % 4]
                        ELSE 'not_started' END AS status
                ) st
                """)
            try connection.execute(
                """
                INSERT INTO change_event (at, actor_id, pledge_id, milestone_id, action, why, changes)
                SELECT m.updated_at, (SELECT min(id) FROM app_user WHERE email LIKE \("%@" + domain)) + m.id % \(size.users),
                       m.pledge_id, m.id, 'milestone.updated', 'Generated update',
                       jsonb_build_array(jsonb_build_object('field', 'Status', 'old', 'Not started', 'new', m.status))
                FROM milestone m WHERE m.status <> 'not_started'
                UNION ALL
                SELECT p.created_at, NULL, p.id, NULL, 'pledge.created', '', '[]'::jsonb FROM pledge p
                """)
            // The milestones' past for "as of" reports: not started from the pledge's creation, as now from their last update.
            try connection.execute("DELETE FROM milestone_revision WHERE pledge_id IN (SELECT id FROM gen_pledge)")
            try connection.execute(
                """
                INSERT INTO milestone_revision (milestone_id, pledge_id, valid_from, stage, status, due_date, completed_on, percent_complete, validation)
                SELECT m.id, m.pledge_id, p.created_at, m.stage, 'not_started', m.due_date, NULL, 0, NULL
                FROM milestone m JOIN gen_pledge g ON g.id = m.pledge_id JOIN pledge p ON p.id = m.pledge_id
                WHERE p.created_at < m.updated_at
                UNION ALL
                SELECT m.id, m.pledge_id, m.updated_at, m.stage, m.status, m.due_date, m.completed_on, m.percent_complete, m.validation
                FROM milestone m JOIN gen_pledge g ON g.id = m.pledge_id
                """)
            try connection.execute(
                "UPDATE pledge p SET last_activity_at = GREATEST(p.created_at, (SELECT max(updated_at) FROM milestone m WHERE m.pledge_id = p.id))"
            )
            try feedback(size, passwordHash: passwordHash, on: connection)
            return true
        }
    }

    /// Panels (each with its facilitator and three countries), members who accepted the
    /// notice, and feedback in every scope and state: most published, some pending, hidden or
    /// withdrawn; half about a pledge; a fifth answered.
    private static func feedback(_ size: Size, passwordHash: String, on connection: Connection) throws {
        try connection.execute(
            """
            INSERT INTO app_user (email, display_name, password_hash, password_changed_at)
            SELECT 'facilitator' || i || \("@" + domain), 'Generated facilitator ' || i, \(passwordHash), now()
            FROM generate_series(1, \(size.panels)) i
            """)
        try connection.execute(
            "INSERT INTO user_role (user_id, role) SELECT id, 'panel_facilitator' FROM app_user WHERE email LIKE 'facilitator%' || \("@" + domain)"
        )
        try connection.execute(
            """
            INSERT INTO panel (name, facilitator_id)
            SELECT 'Generated panel ' || lpad(i::text, 2, '0'), (SELECT id FROM app_user WHERE email = 'facilitator' || i || \("@" + domain))
            FROM generate_series(1, \(size.panels)) i
            """)
        try connection.execute(
            "CREATE TEMP TABLE gen_panel ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM panel")
        try connection.execute(
            """
            INSERT INTO panel_country (panel_id, country_iso3)
            SELECT DISTINCT p.id, c.iso3 FROM gen_panel p CROSS JOIN generate_series(0, 2) k
            JOIN gen_country c ON c.n = (p.n * 11 + k * 3) % (SELECT count(*) FROM gen_country)
            """)
        try connection.execute(
            """
            INSERT INTO app_user (display_name, pseudonym, password_hash, password_changed_at)
            SELECT 'Panel member', 'Member ' || i, \(passwordHash), now() FROM generate_series(1, \(size.panelMembers)) i
            """)
        try connection.execute(
            "CREATE TEMP TABLE gen_member ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM app_user WHERE pseudonym LIKE 'Member %'"
        )
        try connection.execute("INSERT INTO user_role (user_id, role) SELECT id, 'panel_member' FROM gen_member")
        try connection.execute(
            """
            INSERT INTO panel_member (user_id, panel_id, consent_version, consented_at)
            SELECT m.id, p.id, (SELECT max(version) FROM consent_notice), now() FROM gen_member m JOIN gen_panel p ON p.n = m.n % \(size.panels)
            """)
        try connection.execute(
            """
            INSERT INTO feedback (panel_id, author_id, pledge_id, scope, body, content_note, moderation, review, created_at, withdrawn_at)
            SELECT pm.panel_id, m.id, gp.id,
                   CASE WHEN f.i % 2 = 0 THEN (ARRAY['panel','secretariat','pledge_owners','public'])[1 + f.i % 4]
                        ELSE (ARRAY['panel','secretariat','public'])[1 + f.i % 3] END,
                   CASE WHEN f.i % 100 = 0 THEN NULL
                        ELSE 'Generated feedback ' || f.i || ': the interpreters helped, but the shelter was far from the court and '
                             || 'we had to wait for hours. Please think about transport and about child care on hearing days.' END,
                   CASE WHEN f.i % 100 <> 0 AND f.i % 9 = 0 THEN 'describes waiting and fear' END,
                   CASE WHEN f.i % 20 < 16 THEN 'published' WHEN f.i % 20 < 19 THEN 'pending' ELSE 'hidden' END,
                   (ARRAY['new','acknowledged','answered','acted_upon'])[1 + (f.i / 3) % 4],
                   now() - make_interval(mins => f.i * 17),
                   CASE WHEN f.i % 100 = 0 THEN now() END
            FROM generate_series(1, \(size.feedback)) AS f(i)
            JOIN gen_member m ON m.n = f.i % \(size.panelMembers)
            JOIN panel_member pm ON pm.user_id = m.id
            LEFT JOIN gen_pledge gp ON f.i % 2 = 0 AND gp.i = 1 + (f.i * 7) % \(size.pledges)
            """)
        try connection.execute(
            """
            INSERT INTO feedback_answer (feedback_id, author_id, body, created_at)
            SELECT f.id, (SELECT min(id) FROM app_user WHERE email LIKE \("%@" + domain)), 'Thank you: we have passed this on and will report back.',
                   f.created_at + interval '2 days'
            FROM feedback f WHERE f.review IN ('answered', 'acted_upon')
            """)
    }
}
