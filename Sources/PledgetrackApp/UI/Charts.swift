import Database
import Markup

/// Charts drawn on the server as SVG, with no script and nothing loaded from elsewhere.
/// Each one has a title and a description for screen readers; the pages put a sentence of
/// summary and the data table beside it. Fills differ in lightness as well as hue, segments
/// are separated by white lines, and each bar's legend gives every figure, so they read in grey
/// scale and on paper.
///
/// On a right-to-left page (Arabic) what has a direction is mirrored: bars grow from the
/// right, time runs from right to left with the figures' axis on the right, and the text in
/// the drawing is set right to left (`direction` on the `svg`), so each `text-anchor` keeps its
/// meaning relative to the reading direction. The tile map is geography and is not mirrored.
enum Charts {
    struct Segment: Sendable {
        let label: String
        let value: Int
        /// The CSS class suffix of its fill: `fill-<style>`.
        let style: String
    }

    /// One horizontal bar split into segments, with a legend. `id` must be unique in the page.
    /// The first segment starts at the reading start: the left, or the right on a right-to-left page.
    static func stackedBar(id: String, title: String, segments: [Segment], _ language: Language) -> HTML {
        let total = segments.reduce(0) { $0 + $1.value }
        let width = 1000, height = 40
        let mirrored = Bidi.isRightToLeft(language)
        var x = 0
        var shapes: [HTML] = []
        for (index, segment) in segments.enumerated() where segment.value > 0 {
            let last = !segments[(index + 1)...].contains { $0.value > 0 }
            let w = last ? width - x : segment.value * width / max(total, 1)
            shapes.append(
                "<rect class=\"fill-\(segment.style)\" x=\"\(mirrored ? width - x - w : x)\" y=\"0\" width=\"\(w)\" height=\"\(height)\"><title>\(segment.label): \(Formatting.number(segment.value, language))</title></rect>"
            )
            x += w
        }
        if total == 0 { shapes.append("<rect class=\"fill-empty\" x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\"></rect>") }
        let description = segments.map { "\($0.label): \(Formatting.number($0.value, language))" }
            .joined(separator: Formatting.listSeparator(language))
        let shares = Share.percents(segments.map(\.value))
        let legend = segments.enumerated().map { index, segment -> HTML in
            let share: HTML = shares.map { " (\(Strings(language).format(.percentValue, numbers: ["percent": $0[index]])))" } ?? .empty
            return
                "<li><span class=\"swatch fill-\(segment.style)\" aria-hidden=\"true\"></span>\(segment.label): <strong>\(Formatting.number(segment.value, language))</strong>\(share)</li>"
        }
        return """
            <svg class="chart bar" viewBox="0 0 \(width) \(height)" preserveAspectRatio="none" role="img" aria-labelledby="\(id)-title \(id)-desc" direction="\(language.direction)">
            <title id="\(id)-title">\(title)</title><desc id="\(id)-desc">\(description)</desc>
            \(shapes)
            </svg>
            <ul class="legend">\(legend)</ul>
            """
    }

    /// A thin bar of done out of total, for table cells, filling from the reading start; the
    /// figure is written beside it, so screen readers skip the bar.
    static func progress(done: Int, total: Int, _ language: Language) -> HTML {
        let w = Share.percent(done, of: total) ?? 0
        let x = Bidi.isRightToLeft(language) ? 100 - w : 0
        return """
            <svg class="chart mini" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">\
            <rect class="fill-open" x="0" y="0" width="100" height="8"></rect><rect class="fill-done" x="\(x)" y="0" width="\(w)" height="8"></rect></svg>
            """
    }

    /// Milestones completed per month, as a line with a dot per month. Time runs from the
    /// reading start: left to right, or right to left on a right-to-left page, where the axis
    /// of figures is on the right.
    static func monthlyLine(id: String, title: String, months: [DashboardQueries.MonthCount], _ t: Strings) -> HTML {
        let width = 720, height = 240, top = 12, bottom = 36
        // The margin on the reading start holds the figures; the other keeps the last month's label inside.
        let start = 44, end = 32
        let mirrored = Bidi.isRightToLeft(t.language)
        let top1 = niceCeiling(months.map(\.count).max() ?? 0)
        let plotW = width - start - end, plotH = height - top - bottom
        /// How far along the reading direction, in the drawing's (left to right) coordinates.
        func along(_ offset: Int) -> Int { mirrored ? width - start - offset : start + offset }
        func x(_ i: Int) -> Int { along(months.count > 1 ? i * plotW / (months.count - 1) : plotW / 2) }
        func y(_ v: Int) -> Int { top + plotH - v * plotH / max(top1, 1) }
        // "end" in the reading direction: the figures end at the axis, on whichever side it is.
        let axisX = mirrored ? width - start + 6 : start - 6
        let grid = [0, top1 / 2, top1].map { v -> HTML in
            "<line class=\"grid\" x1=\"\(along(0))\" x2=\"\(along(plotW))\" y1=\"\(y(v))\" y2=\"\(y(v))\"></line><text class=\"axis\" x=\"\(axisX)\" y=\"\(y(v) + 4)\" text-anchor=\"end\">\(Formatting.number(v, t.language))</text>"
        }
        let step = max(1, (months.count + 5) / 6)
        let ticks = months.enumerated().filter { $0.offset % step == 0 }.map { i, m -> HTML in
            "<text class=\"axis\" x=\"\(x(i))\" y=\"\(height - 12)\" text-anchor=\"middle\">\(Formatting.month(m.month, t.language))</text>"
        }
        let points = months.enumerated().map { "\(x($0.offset)),\(y($0.element.count))" }.joined(separator: " ")
        let dots = months.enumerated().map { i, m -> HTML in
            "<circle class=\"dot\" cx=\"\(x(i))\" cy=\"\(y(m.count))\" r=\"4\"><title>\(Formatting.month(m.month, t.language)): \(Formatting.number(m.count, t.language))</title></circle>"
        }
        let total = months.reduce(0) { $0 + $1.count }
        let description = t.format(.chartCompletedDesc, numbers: ["count": total, "months": months.count])
        return """
            <svg class="chart line" viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="\(id)-title \(id)-desc" direction="\(t.language.direction)">
            <title id="\(id)-title">\(title)</title><desc id="\(id)-desc">\(description)</desc>
            \(grid)\(ticks)
            <polyline class="line" points="\(points)"></polyline>
            \(dots)
            </svg>
            """
    }

    /// The smallest of 1, 2, 5 × 10ⁿ at or above `value` (an axis's top), at least 2 so it halves.
    static func niceCeiling(_ value: Int) -> Int {
        guard value > 2 else { return 2 }
        var magnitude = 1
        while magnitude * 10 <= value { magnitude *= 10 }
        for step in [1, 2, 5, 10] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }

    /// A chart with its title, a one-sentence summary and its data table beside it.
    static func figure(id: String, title: String, summary: String, chart: HTML, table: HTML) -> HTML {
        """
        <figure class="chart-figure" aria-labelledby="\(id)-caption">
        <figcaption id="\(id)-caption"><h3>\(title)</h3></figcaption>
        <div class="chart-with-table">
        <div class="chart-box">\(chart)<p class="chart-summary">\(summary)</p></div>
        <div class="chart-data">\(table)</div>
        </div>
        </figure>
        """
    }
}
