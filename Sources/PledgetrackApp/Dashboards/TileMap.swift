import Database
import Markup

/// The world as a grid of squares, one per country, placed by UN region (the Americas on the
/// left, Europe over Africa in the middle, Asia over Oceania on the right) and by sub-region
/// within it, coloured by how many of their pledges' milestones are done. Lighter to darker
/// means further along, so it reads in grey scale; the table beside it has every figure.
///
/// It is a map, so a right-to-left page does not mirror it: the regions' blocks stay where
/// they are (the Americas on the left). What reads like text follows the page: the text is
/// set right to left, each region's name at the right edge of its block, and within a block
/// the countries (in the reader's alphabetical order, a sub-region a row) run from the right.
enum TileMap {
    static let columns = 10
    static let tile = 26
    static let labelHeight = 22
    /// (region code, column of its block, the region it sits under, if any).
    static let blocks: [(code: String, column: Int, below: String?)] = [
        ("019", 0, nil), ("150", 11, nil), ("002", 11, "150"), ("142", 22, nil), ("009", 22, "142"),
    ]

    struct Placed {
        let country: ReferenceData.Country
        let x: Int
        let y: Int
    }

    /// Where each country's square goes, and the labels of the regions. Countries not offered
    /// (uninhabited, or not listed by M49) get a square only when a pledge names them (`named`).
    static func layout(
        _ reference: ReferenceData, named: Set<String> = [], rightToLeft: Bool = false
    ) -> (
        tiles: [Placed], labels: [(String, Int, Int)], size: (Int, Int)
    ) {
        var tiles: [Placed] = []
        var labels: [(String, Int, Int)] = []
        var bottoms: [String: Int] = [:]
        var width = 0, height = 0
        for block in blocks {
            guard let region = reference.region(block.code) else { continue }
            let x0 = block.column * tile
            let y0 = block.below.flatMap { bottoms[$0] }.map { $0 + tile / 2 } ?? 0
            labels.append((region.name, rightToLeft ? x0 + columns * tile : x0, y0 + 16))
            var row = 0
            let subRegions = reference.regions.filter { $0.parentCode == block.code }
            for sub in subRegions {
                let members = reference.countries.filter {
                    $0.regionCode == block.code && $0.subRegionCode == sub.code && ($0.offered || named.contains($0.iso3))
                }
                for (index, country) in members.enumerated() {
                    if index > 0 && index % columns == 0 { row += 1 }
                    let column = rightToLeft ? columns - 1 - index % columns : index % columns
                    tiles.append(Placed(country: country, x: x0 + column * tile, y: y0 + labelHeight + row * tile))
                }
                if !members.isEmpty { row += 1 }
            }
            let bottom = y0 + labelHeight + row * tile
            bottoms[block.code] = bottom
            width = max(width, x0 + columns * tile)
            height = max(height, bottom)
        }
        return (tiles, labels, (width, height))
    }

    /// The progress class of a country: none (no pledges), then quarters of milestones done.
    static func bucket(_ tally: Tally?) -> Int? {
        guard let tally, tally.pledges > 0 else { return nil }
        return min(3, Int((tally.progress ?? 0) * 4))
    }

    static func svg(_ reference: ReferenceData, tallies: [String: Tally], link: (String) -> String, _ t: Strings) -> HTML {
        let (tiles, labels, size) = layout(
            reference, named: Set(tallies.filter { $0.value.pledges > 0 }.keys), rightToLeft: Bidi.isRightToLeft(t.language))
        let squares = tiles.map { placed -> HTML in
            let c = placed.country
            let tally = tallies[c.iso3]
            let b = bucket(tally)
            let square: HTML = """
                <rect class="tile tile-\(b.map(String.init) ?? "none")" x="\(placed.x + 1)" y="\(placed.y + 1)" width="\(tile - 2)" height="\(tile - 2)"></rect>\
                <text class="tile-code\(if: (b ?? 0) >= 2, " on-dark")" x="\(placed.x + tile / 2)" y="\(placed.y + tile / 2 + 3)" text-anchor="middle">\(c.iso3)</text>
                """
            guard let tally, tally.pledges > 0 else {
                return "<g><title>\(Bidi.plain(c.name))\(t.colon)\(t[.tileNoPledges])</title>\(square)</g>"
            }
            let summary = t.format(
                .tileSummary, ["country": Bidi.plain(c.name), "done": Share.doneOf(tally.done, of: tally.milestones, t)],
                numbers: ["pledges": tally.pledges])
            return "<a href=\"\(link(c.iso3))\" aria-label=\"\(summary)\"><title>\(summary)</title>\(square)</a>"
        }
        // "start" is the reading start: the label's left end, or its right end on a right-to-left page.
        let regionLabels = labels.map { label -> HTML in
            "<text class=\"tile-region\" x=\"\(label.1)\" y=\"\(label.2)\" text-anchor=\"start\">\(label.0)</text>"
        }
        return """
            \(FormViews.scrollRegion(t[.tileMapTitle], extraClass: "tile-map-scroll"))<svg class="chart tile-map" viewBox="0 0 \(size.0) \(size.1)" role="group" aria-labelledby="tile-map-title" direction="\(t.language.direction)">
            <title id="tile-map-title">\(t[.tileMapTitle])</title>
            \(regionLabels)\(squares)
            </svg></div>
            """
    }

    static func legend(_ t: Strings) -> HTML {
        let items: [(String, Strings.Key)] = [
            ("none", .tileLegendNone), ("0", .tileLegend0), ("1", .tileLegend1), ("2", .tileLegend2), ("3", .tileLegend3),
        ]
        let entries = items.map { item -> HTML in
            "<li><svg class=\"swatch-svg\" viewBox=\"0 0 10 10\" aria-hidden=\"true\"><rect class=\"tile tile-\(item.0)\" width=\"10\" height=\"10\"></rect></svg>\(t[item.1])</li>"
        }
        return "<ul class=\"legend\">\(entries)</ul>"
    }
}
