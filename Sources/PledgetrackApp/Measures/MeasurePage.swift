import Markup

/// `/measures/{number}`: one measure, its theme, the SDG targets and GCM actions it answers,
/// and where the guidance says it.
struct MeasurePage {
    let measure: ReferenceData.Measure
    let reference: ReferenceData

    func page(_ t: Strings) -> Page {
        let number = String(measure.number)
        return Page(
            title: "\(t.format(.measureNumber, ["number": number]))\(t.colon)\(measure.title)",
            breadcrumbs: [.init(title: t[.navHome], href: "/"), .init(title: t[.measuresTitle], href: "/measures")],
            content: """
                <p class="lead">\(measure.summary)</p>
                <dl class="facts">
                <dt>\(t[.measureTheme])</dt><dd>\(reference.theme(of: measure)?.title)</dd>
                </dl>
                \(next(t))
                <h2>\(t[.measureSDGTargets])</h2>
                \(targets(t))
                <h2>\(t[.measureGCMActions])</h2>
                \(actions(t))
                <p class="source"><a href="\(measure.sourceURL)" rel="external">\(t.format(.measureGuidance, ["reference": measure.sourceReference]))</a></p>
                \(neighbours(t))
                """)
    }

    /// Where a reader goes from a measure: the pledges under it, its dashboard and, for
    /// measure 18 (survivors' participation), the feedback its panels gave.
    private func next(_ t: Strings) -> HTML {
        let number = String(measure.number)
        let feedback: HTML =
            measure.number == 18 ? "<li><a href=\"/feedback\">\(t[.measureFeedbackLink])</a></li>" : .empty
        return """
            <nav aria-labelledby="measure-next"><h2 id="measure-next">\(t[.measureFollowHeading])</h2><ul class="plain">
            <li><a href="/pledges?measure=\(number)">\(t.format(.measurePledgesLink, ["number": number]))</a></li>
            <li><a href="/dashboards/measures/\(number)">\(t.format(.measureDashboardLink, ["number": number]))</a></li>
            \(feedback)</ul></nav>
            """
    }

    private func targets(_ t: Strings) -> HTML {
        let items = measure.targetCodes.compactMap(reference.target).map { target -> HTML in
            "<li><strong>\(t.format(.sdgTargetShort, ["code": target.code]))</strong> (\(Bidi.isolate(target.goalTitle))): \(Bidi.isolate(target.title))</li>"
        }
        return items.isEmpty ? "<p>\(t[.measureNone])</p>" : "<ul class=\"plain\">\(items)</ul>"
    }

    private func actions(_ t: Strings) -> HTML {
        let items = measure.actionLetters.compactMap(reference.action).map { action -> HTML in
            "<li><strong>\(t.format(.gcmActionShort, ["letter": action.letter]))</strong> \(Bidi.isolate(action.title))</li>"
        }
        return items.isEmpty ? "<p>\(t[.measureNone])</p>" : "<ul class=\"plain\">\(items)</ul>"
    }

    private func neighbours(_ t: Strings) -> HTML {
        let previous = reference.measure(measure.number - 1).map { m -> HTML in
            "<a rel=\"prev\" href=\"/measures/\(m.number)\">\(t.format(.previousMeasure, numbers: ["number": m.number]))</a>"
        }
        let next = reference.measure(measure.number + 1).map { m -> HTML in
            "<a rel=\"next\" href=\"/measures/\(m.number)\">\(t.format(.nextMeasure, numbers: ["number": m.number]))</a>"
        }
        return """
            <nav class="pager" aria-label="\(t[.measuresTitle])">\(previous) <a href="/measures">\(t[.allMeasures])</a> \(next)</nav>
            """
    }
}
