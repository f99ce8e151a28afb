import Markup

/// Measure 18's survivor feedback on its dashboard page: feedback the public may read
/// (published, "public, without your name") counted by panel, review status and scope, small
/// counts held back (`SmallCells`), and its latest texts.
struct FeedbackDashboardSection {
    let counts: FeedbackQueries.Counts
    let latest: [FeedbackQueries.Item]

    func html(_ t: Strings) -> HTML {
        let n = { (v: Int?) in v.map { Formatting.number($0, t.language) } ?? t.format(.fewerThan, numbers: ["count": SmallCells.threshold])
        }
        let statuses = counts.byStatus.map { key, count in
            (Review(rawValue: key).map { t[$0.label] } ?? t[.statusWithdrawnFeedback], count)
        }
        return """
            <section aria-labelledby="survivor-feedback">
            <h2 id="survivor-feedback">\(t[.measure18Heading])</h2>
            <p>\(t[.measure18Intro])</p>
            <p>\(t.format(.measure18Total, ["count": n(SmallCells.suppress(total: counts.total))]))</p>
            \(if: counts.total > 0, table(t[.measure18ByPanel], t[.fieldPanel], counts.byPanel, t)
                + table(t[.measure18ByStatus], t[.fieldReview], statuses, t)
                + table(t[.measure18ByScope], t[.fieldScope], counts.byScope.map { (t[$0.0.label], $0.1) }, t))
            <h3>\(t[.measure18Latest])</h3>
            \(FeedbackViews.list(latest, showModeration: false, empty: .measure18NoneYet, t))
            <p><a href="/feedback">\(t[.navFeedback])</a> · <a href="/feedback/consent">\(t[.noticeLink])</a></p>
            </section>
            """
    }

    private func table(_ caption: String, _ heading: String, _ rows: [(String, Int)], _ t: Strings) -> HTML {
        let body = SmallCells.suppress(rows).map { label, count -> HTML in
            let shown = count.map { Formatting.number($0, t.language) } ?? t.format(.fewerThan, numbers: ["count": SmallCells.threshold])
            return "<tr><th scope=\"row\">\(Bidi.isolate(label))</th><td class=\"num\">\(shown)</td></tr>"
        }
        return """
            <table class="compact"><caption>\(caption)</caption>
            <thead><tr><th scope="col">\(heading)</th><th scope="col" class="num">\(t[.measure18Count])</th></tr></thead>
            <tbody>\(body)</tbody></table>
            """
    }
}
