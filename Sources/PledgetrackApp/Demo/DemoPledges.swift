import Database

/// The demo pledges: 40 of them across 24 countries in every UN region, touching all 20
/// measures, every SDG target and GCM action, with milestones in every stage and status,
/// some overdue, and a history of edits. Deterministic: the same every time it is loaded.
enum DemoPledges {
    static let countries = [
        "NGA", "KEN", "ETH", "LBY", "SDN", "UGA", "COL", "MEX", "BRA", "GTM", "ECU", "BGD",
        "THA", "JOR", "TUR", "LBN", "PHL", "ITA", "GRC", "DEU", "UKR", "MDA", "AUS", "FJI",
    ]

    static let titles = [
        "Train border and asylum officials to recognise signs of trafficking",
        "Open a referral line between the asylum office and anti-trafficking police",
        "Safe shelters for trafficked women and girls on the move",
        "Legal aid at first contact for people identified as trafficked",
        "Child protection officers at every reception centre",
        "Know-your-rights sessions in camps and informal settlements",
        "Fair recruitment standards for agencies hiring refugees",
        "Non-punishment guidance for prosecutors",
        "A survivor advisory board for the national action plan",
        "Joint data collection on trafficking in mixed movements",
        "Resettlement places reserved for survivors at risk",
        "Safe return and reintegration support with local partners",
        "Labour inspections in sectors employing refugees",
        "Interpreters trained in trauma-informed interviewing",
        "Cross-border case management with neighbouring States",
        "Remove penalties for irregular entry of trafficked refugees",
        "Fund community organisations led by survivors",
        "Online safety campaign against fake job offers",
        "Specialised court chambers for trafficking cases",
        "Family reunification fast track for survivors",
    ]

    /// The first three titles and the milestone plans in the other five languages: the demo
    /// shows translated pledges beside ones that have none.
    static let translatedTitles: [Language: [String]] = [
        .arabic: [
            "تدريب موظفي الحدود واللجوء على التعرف على علامات الاتجار", "إنشاء خط إحالة بين مكتب اللجوء وشرطة مكافحة الاتجار",
            "مآوٍ آمنة للنساء والفتيات المتجر بهن أثناء التنقل",
        ],
        .chinese: ["培训边境和庇护官员识别贩运迹象", "在庇护办公室与反贩运警察之间开通转介热线", "为流动中的被贩运妇女和女童提供安全庇护所"],
        .french: [
            "Former les agents des frontières et de l’asile à reconnaître les signes de la traite",
            "Ouvrir une ligne d’orientation entre l’office de l’asile et la police de lutte contre la traite",
            "Des abris sûrs pour les femmes et les filles victimes de la traite en déplacement",
        ],
        .russian: [
            "Обучить пограничников и сотрудников службы убежища распознавать признаки торговли людьми",
            "Открыть линию направления между службой убежища и полицией по борьбе с торговлей людьми",
            "Безопасные приюты для пострадавших от торговли людьми женщин и девочек в пути",
        ],
        .spanish: [
            "Capacitar al personal de fronteras y asilo para reconocer indicios de trata",
            "Abrir una línea de derivación entre la oficina de asilo y la policía contra la trata",
            "Refugios seguros para mujeres y niñas víctimas de trata en tránsito",
        ],
    ]

    static let translatedMilestones: [Language: [String]] = [
        .arabic: [
            "توقيع اتفاق مع الشركاء", "اعتماد الميزانية", "تدريب الدفعة الأولى أو خدمتها", "تشغيل الخدمة في جميع المواقع المقررة",
            "مراجعة منتصف المدة مع فريق الناجين", "نشر تقييم مستقل",
        ],
        .chinese: ["与合作伙伴签署协议", "预算获批", "第一批人员完成培训或获得服务", "服务在所有计划地点运行", "与幸存者小组进行中期审查", "发布独立评估"],
        .french: [
            "Accord signé avec les partenaires", "Budget approuvé", "Premier groupe formé ou accompagné",
            "Service assuré sur tous les sites prévus", "Bilan à mi-parcours avec le groupe de survivants",
            "Évaluation indépendante publiée",
        ],
        .russian: [
            "Подписано соглашение с партнёрами", "Утверждён бюджет", "Первая группа обучена или получила помощь",
            "Служба работает во всех намеченных местах", "Промежуточный обзор с группой пострадавших", "Опубликована независимая оценка",
        ],
        .spanish: [
            "Acuerdo firmado con los socios", "Presupuesto aprobado", "Primer grupo capacitado o atendido",
            "Servicio en marcha en todos los lugares previstos", "Revisión intermedia con el grupo de supervivientes",
            "Evaluación independiente publicada",
        ],
    ]

    struct MilestonePlan {
        let stage: Stage
        let title: String
    }

    static let milestonePlans: [MilestonePlan] = [
        .init(stage: .commitment, title: "Agreement signed with partners"),
        .init(stage: .commitment, title: "Budget approved"),
        .init(stage: .implementation, title: "First cohort trained or served"),
        .init(stage: .implementation, title: "Service running in all planned locations"),
        .init(stage: .implementation, title: "Mid-term review with survivors' panel"),
        .init(stage: .evaluation, title: "Independent evaluation published"),
    ]

    /// Loads the pledges for the demo entities; `entities` are their ids in DemoData's order.
    static func load(entities: [Int], users: [Int], on connection: Connection) throws {
        var seed: UInt64 = 20_231_213
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        let statuses: [MilestoneStatus] = [.notStarted, .onTrack, .atRisk, .delayed, .done, .dropped]
        let kinds = PledgeKind.allCases
        let targets = ["5.2", "8.7", "8.8", "10.7", "16.2", "16.3"]
        let actions = Array("abcdefghij").map(String.init)
        for index in 0..<40 {
            let owner = entities[(index * 7) % entities.count]
            let coOwner = index % 3 == 0 ? [entities[(index + 4) % entities.count]] : []
            let pledgeCountries = [countries[index % countries.count], countries[(index * 7 + 5) % countries.count]]
            let measures = Array(Set([index % 20 + 1, (index * 3 + 7) % 20 + 1]))
            let progress = (index + index / 15) % 5  // 0: planning … 3: fulfilled, 4: mixed with overdue
            let id = try connection.queryValue(
                """
                INSERT INTO pledge (owner_entity_id, title, description, grf_id, kind, start_date, target_date, visibility, created_at)
                VALUES (\(owner), \(titles[index % titles.count] + (index >= 20 ? " (second round)" : "")),
                        \("A fictional pledge for trying Pledgetrack out. It follows the guidance's measures and reports its milestones here."),
                        \("GRF-DEMO-\(1000 + index)"), \(kinds[index % kinds.count].rawValue),
                        current_date - \(400 - index * 5)::int, current_date + \(300 + index * 10)::int,
                        \(index % 8 == 7 ? "restricted" : "public"), now() - make_interval(days => \(400 - index * 5)))
                RETURNING id
                """, as: Int.self)
            let form = PledgeForm.Valid(
                title: "", description: "", grfID: nil, kind: .policy, owner: owner, coOwners: coOwner, countries: pledgeCountries.sorted(),
                measures: measures.sorted(), targets: [targets[index % 6], targets[(index + 2) % 6]].sorted(),
                actions: [actions[index % 10]], startDate: nil, targetDate: nil, visibility: .public)
            try PledgeWrites.saveLists(form, pledgeID: id, on: connection)
            let actor = users[index % users.count]
            try History.record(
                pledgeID: id, milestoneID: nil, action: "pledge.created", actorID: actor, why: "", changes: [], on: connection)
            for (position, plan) in milestonePlans.enumerated() where position < 3 + index % 4 {
                let status: MilestoneStatus =
                    switch (progress, plan.stage) {
                    case (0, .commitment): position == 0 ? .onTrack : .notStarted
                    case (0, _): .notStarted
                    case (1, .commitment): .done
                    case (1, .implementation): statuses[1 + next(3)]
                    case (1, .evaluation): .notStarted
                    case (3, _): .done
                    case (4, .implementation): position == 3 ? .dropped : .delayed
                    default: statuses[next(6)]
                    }
                let due = -200 + position * 90 + next(60)
                let done = status == .done
                let validation: String? = plan.stage == .evaluation && done ? (progress == 3 ? "validated" : "pending") : nil
                let milestoneID = try connection.queryValue(
                    """
                    INSERT INTO milestone (pledge_id, stage, position, title, due_date, status, percent_complete, completed_on, validation)
                    VALUES (\(id), \(plan.stage.rawValue), \(position + 1), \(plan.title), current_date + \(due)::int, \(status.rawValue),
                            \(done ? 100 : status == .notStarted ? 0 : 20 + next(60)), \(done ? "today" : nil)::date - \(next(330))::int, \(validation))
                    RETURNING id
                    """, as: Int.self)
                try History.record(
                    pledgeID: id, milestoneID: milestoneID, action: "milestone.created", actorID: actor, why: "",
                    changes: [.init(field: Strings.stored(.fieldStatus), old: "", new: Strings.stored(.msNotStarted))], on: connection)
                if status != .notStarted {
                    try History.record(
                        pledgeID: id, milestoneID: milestoneID, action: "milestone.updated", actorID: actor,
                        why: "Update from the quarterly partner meeting.",
                        changes: [
                            .init(
                                field: Strings.stored(.fieldStatus), old: Strings.stored(.msNotStarted), new: Strings.stored(status.label))
                        ],
                        on: connection)
                }
            }
        }
        // The first pledges of the first three titles, and their milestones, in every language.
        for (language, names) in translatedTitles {
            try connection.execute(
                """
                INSERT INTO pledge_translation (pledge_id, language, title)
                SELECT p.id, \(language.rawValue), t.title
                FROM unnest(\(Array(titles.prefix(names.count)))::text[], \(names)::text[]) AS t(original, title)
                JOIN pledge p ON p.title = t.original
                """)
            let plans = milestonePlans.map(\.title)
            try connection.execute(
                """
                INSERT INTO milestone_translation (milestone_id, language, title)
                SELECT m.id, \(language.rawValue), t.title
                FROM unnest(\(plans)::text[], \(translatedMilestones[language] ?? [])::text[]) AS t(original, title)
                JOIN milestone m ON m.title = t.original
                JOIN pledge p ON p.id = m.pledge_id AND p.title = ANY(\(Array(titles.prefix(names.count)))::text[])
                """)
        }
        // Two withdrawn pledges, so every status appears.
        try connection.execute(
            """
            UPDATE pledge SET withdrawn_at = now() - interval '20 days', withdrawn_reason = 'Funding was moved to a joint regional programme.'
            WHERE id IN (SELECT id FROM pledge ORDER BY id DESC LIMIT 2)
            """)
        // Spread each pledge's history over its life, in order, so timelines read like real ones
        // (pledges are 205 to 400 days old; at most 13 events each, 15 days apart).
        try connection.execute(
            """
            UPDATE change_event c SET at = p.created_at + make_interval(days => (n.rank - 1)::int * 15, hours => CASE WHEN n.rank = 1 THEN 0 ELSE (c.id % 11)::int END)
            FROM (SELECT id, row_number() OVER (PARTITION BY pledge_id ORDER BY id) AS rank FROM change_event) n, pledge p
            WHERE n.id = c.id AND p.id = c.pledge_id
            """)
        // A milestone was completed on the day its update was recorded.
        try connection.execute(
            """
            UPDATE milestone m SET completed_on = u.at::date
            FROM change_event u WHERE u.milestone_id = m.id AND u.action = 'milestone.updated' AND m.status = 'done'
            """)
        // The milestones' past for "as of" reports, from that history: not started when
        // created, as they are now from their update.
        try connection.execute("DELETE FROM milestone_revision")
        try connection.execute(
            """
            INSERT INTO milestone_revision (milestone_id, pledge_id, valid_from, stage, status, due_date, completed_on, percent_complete, validation)
            SELECT m.id, m.pledge_id, c.at, m.stage, CASE WHEN u.at IS NULL THEN m.status ELSE 'not_started' END, m.due_date,
                   CASE WHEN u.at IS NULL THEN m.completed_on END, CASE WHEN u.at IS NULL THEN m.percent_complete ELSE 0 END,
                   CASE WHEN u.at IS NULL THEN m.validation END
            FROM milestone m JOIN change_event c ON c.milestone_id = m.id AND c.action = 'milestone.created'
            LEFT JOIN change_event u ON u.milestone_id = m.id AND u.action = 'milestone.updated'
            UNION ALL
            SELECT m.id, m.pledge_id, u.at, m.stage, m.status, m.due_date, m.completed_on, m.percent_complete, m.validation
            FROM milestone m JOIN change_event u ON u.milestone_id = m.id AND u.action = 'milestone.updated'
            """)
        try connection.execute("UPDATE pledge p SET last_activity_at = (SELECT max(at) FROM change_event c WHERE c.pledge_id = p.id)")
    }
}
