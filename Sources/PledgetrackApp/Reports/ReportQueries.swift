import Database

/// Who reads a report and what it covers: everything its queries need.
struct ReportScope: Sendable {
    let request: ReportRequest
    let reader: Int?
    let seesRestricted: Bool
    /// The reader's language: titles where translated, country names, and their order.
    var language: Language = .english

    var filter: PledgeFilter { request.filter }
    var lang: String { language.rawValue }
    var moment: Moment { request.moment }

    /// The end of the report's period, as an instant (the end of the "as of" day, or now).
    var end: SQL { moment.instant }

    /// The start of "what changed": the end of the "since" day.
    var start: SQL? { request.since.map { "\($0.adding(days: 1))::timestamptz" } }

    /// The matching pledges as they stood at the report's moment, as `p`.
    var pledges: SQL { "\(moment.pledges) p WHERE \(filter.conditions(seesRestricted: seesRestricted))" }

    /// Feedback belongs to a report when it is about one of its pledges, or about measure 18
    /// in general when the report is not narrowed to particular pledges (other than measure 18).
    var feedbackInScope: SQL {
        let aboutPledge: SQL = "f.pledge_id IN (SELECT p.id FROM \(pledges))"
        var narrowed = filter
        if narrowed.measure == 18 { narrowed.measure = nil }
        return narrowed == PledgeFilter() ? "(f.pledge_id IS NULL OR \(aboutPledge))" : aboutPledge
    }
}

/// The reports' SQL: one query per table, streamed by a cursor.
enum ReportQueries {
    /// For a report about one country (or one measure): the other countries (measures) its
    /// pledges name, each with how many of the report's pledges name it, by code. The report
    /// names them ("also in: …") and counts none of them in its own figures.
    static func otherKeys(_ s: ReportScope, countries: Bool) -> SQL? {
        if countries {
            guard let country = s.filter.country else { return nil }
            return """
                SELECT d.country_iso3::text, count(*)::int FROM pledge_country d
                WHERE d.pledge_id IN (SELECT p.id FROM \(s.pledges)) AND d.country_iso3 <> \(country)
                GROUP BY 1
                """
        }
        guard let measure = s.filter.measure else { return nil }
        return """
            SELECT d.measure_number::text, count(*)::int FROM pledge_measure d
            WHERE d.pledge_id IN (SELECT p.id FROM \(s.pledges)) AND d.measure_number <> \(measure)
            GROUP BY 1
            """
    }

    static func pledges(_ s: ReportScope) -> SQL {
        """
        SELECT p.id::int, p.grf_id, pledge_title_in(p.id, p.title, \(s.lang)), e.name, e.kind, p.kind,
               (SELECT string_agg(country_name_in(c.iso3, c.name, \(s.lang)), '; ' ORDER BY country_name_in(c.iso3, c.name, \(s.lang)) \(s.language.collate))
                FROM pledge_country pc JOIN country c ON c.iso3 = pc.country_iso3
                WHERE pc.pledge_id = p.id),
               (SELECT string_agg(measure_number::text, '; ' ORDER BY measure_number) FROM pledge_measure WHERE pledge_id = p.id),
               (SELECT string_agg(target_code, '; ' ORDER BY target_code) FROM pledge_sdg_target WHERE pledge_id = p.id),
               (SELECT string_agg(action_letter::text, '; ' ORDER BY action_letter) FROM pledge_gcm_action WHERE pledge_id = p.id),
               p.start_date, p.target_date, p.status, p.current_stage,
               p.commitment_done::int, p.commitment_total::int, p.implementation_done::int, p.implementation_total::int,
               p.evaluation_done::int, p.evaluation_total::int,
               CASE WHEN p.status = 'withdrawn' THEN 0 ELSE width_bucket(\(s.moment.today) - 1, p.open_due_dates) END::int,
               p.visibility, p.created_at::date
        FROM \(s.moment.pledges) p JOIN entity e ON e.id = p.owner_entity_id
        WHERE \(s.filter.conditions(seesRestricted: s.seesRestricted))
        ORDER BY p.id
        """
    }

    static func milestones(_ s: ReportScope) -> SQL {
        """
        SELECT p.id::int, pledge_title_in(p.id, p.title, \(s.lang)), m.id::int, m.stage, milestone_title_in(t.id, t.title, \(s.lang)), m.due_date, m.status, m.percent_complete::int, m.completed_on,
               m.validation, COALESCE(m.status NOT IN ('done', 'dropped') AND m.due_date < \(s.moment.today) AND p.status <> 'withdrawn', false)
        FROM \(s.moment.milestones) m
        JOIN milestone t ON t.id = m.id
        JOIN \(s.moment.pledges) p ON p.id = m.pledge_id
        WHERE \(s.filter.conditions(seesRestricted: s.seesRestricted))
        ORDER BY p.id, array_position(ARRAY['commitment', 'implementation', 'evaluation'], m.stage), t.position, m.id
        """
    }

    /// The history up to the report's moment (from its start, when it has one).
    static func history(_ s: ReportScope) -> SQL {
        let fromStart: SQL = s.start.map { "AND c.at >= \($0)" } ?? ""
        return """
            SELECT c.at, p.id::int, pledge_title_in(p.id, p.title, \(s.lang)), milestone_title_in(mt.id, mt.title, \(s.lang)), c.action, u.display_name, c.why,
                   c.changes::text
            FROM change_event c
            JOIN \(s.moment.pledges) p ON p.id = c.pledge_id
            LEFT JOIN milestone mt ON mt.id = c.milestone_id
            LEFT JOIN app_user u ON u.id = c.actor_id
            WHERE \(s.filter.conditions(seesRestricted: s.seesRestricted)) AND c.at < \(s.end) \(fromStart)
            ORDER BY c.at, c.id
            """
    }

    /// The feedback this reader may read (`feedback_visible_to`), posted by the report's moment.
    /// Texts as in the lists: staff get the text only of what is published for the public or
    /// what they wrote; other restricted items are listed without it (opening one records the read).
    static func feedback(_ s: ReportScope) -> SQL {
        // Never NULL (a kept text whose author deleted their account has no author): COALESCE.
        let textShown: SQL =
            "(COALESCE(f.author_id = \(s.reader), false) OR (f.scope = 'public' AND f.moderation = 'published') OR NOT reader_is_staff(\(s.reader)))"
        return """
            SELECT f.id::int, f.created_at::date, pa.name, f.pledge_id::int,
                   CASE WHEN \(PledgeAccess.visible(seesRestricted: s.seesRestricted)) THEN pledge_title_in(p.id, p.title, \(s.lang)) END,
                   f.scope, f.moderation, f.withdrawn_at IS NOT NULL, f.review,
                   (SELECT count(*)::int FROM feedback_answer a WHERE a.feedback_id = f.id AND a.created_at < \(s.end)),
                   CASE WHEN \(textShown) THEN f.body END, \(textShown), CASE WHEN \(textShown) THEN f.content_note END
            FROM feedback_visible_to(\(s.reader)) f
            JOIN panel pa ON pa.id = f.panel_id
            LEFT JOIN pledge p ON p.id = f.pledge_id
            WHERE \(s.feedbackInScope) AND f.created_at < \(s.end)
            ORDER BY f.created_at, f.id
            """
    }

    /// What changed from the report's start to its moment: milestones completed, pledges whose
    /// status changed, new pledges, and answers to feedback this reader may read. Without a
    /// start, since the first pledge.
    static func changes(_ s: ReportScope) -> SQL {
        let start: SQL = s.start ?? "'-infinity'::timestamptz"
        let before: SQL =
            s.request.since.map { "pledges_as_of(\($0.adding(days: 1))::timestamptz)" }
            ?? "(SELECT NULL::bigint AS id, NULL::text AS status WHERE false)"
        return """
            WITH now_ AS (SELECT * FROM \(s.pledges)),
            completed AS (
                SELECT r.valid_from AS at, r.pledge_id, r.milestone_id
                FROM (SELECT r.*, lag(r.status) OVER (PARTITION BY r.milestone_id ORDER BY r.valid_from) AS previous
                      FROM milestone_revision r WHERE r.pledge_id IN (SELECT id FROM now_) AND r.valid_from < \(s.end)) r
                WHERE r.status = 'done' AND r.previous IS DISTINCT FROM 'done' AND r.valid_from >= \(start)
            )
            SELECT c.at, 'completed', p.id::int, pledge_title_in(p.id, p.title, \(s.lang)), milestone_title_in(t.id, t.title, \(s.lang))
            FROM completed c JOIN now_ p ON p.id = c.pledge_id JOIN milestone t ON t.id = c.milestone_id
            UNION ALL
            SELECT GREATEST(p.created_at, COALESCE((SELECT max(r.valid_from) FROM milestone_revision r
                                                    WHERE r.pledge_id = p.id AND r.valid_from >= \(start) AND r.valid_from < \(s.end)), p.created_at),
                            COALESCE((SELECT max(r.valid_from) FROM pledge_revision r
                                      WHERE r.pledge_id = p.id AND r.valid_from >= \(start) AND r.valid_from < \(s.end)), p.created_at)),
                   'status', p.id::int, pledge_title_in(p.id, p.title, \(s.lang)), b.status || '>' || p.status
            FROM now_ p JOIN \(before) b ON b.id = p.id
            WHERE b.status <> p.status
            UNION ALL
            SELECT p.created_at, 'new', p.id::int, pledge_title_in(p.id, p.title, \(s.lang)), NULL
            FROM now_ p WHERE p.created_at >= \(start)
            UNION ALL
            SELECT a.created_at, 'answer', p.id::int, pledge_title_in(p.id, p.title, \(s.lang)), f.id::text
            FROM feedback_answer a JOIN feedback_visible_to(\(s.reader)) f ON f.id = a.feedback_id
            LEFT JOIN now_ p ON p.id = f.pledge_id
            WHERE \(s.feedbackInScope) AND a.created_at >= \(start) AND a.created_at < \(s.end)
            ORDER BY 1, 3, 2
            """
    }
}

extension ReportQueries {
    /// The first day the state history is complete for (nil: from the start): reports refuse earlier days.
    static func historyStart(on connection: Connection) throws -> CalendarDate? {
        try connection.queryFirst(
            """
            SELECT CASE WHEN complete_from = '-infinity' THEN NULL ELSE (complete_from AT TIME ZONE 'UTC')::date END FROM state_history_start
            """
        ) { try $0.decode(0, as: CalendarDate?.self) } ?? nil
    }
}
