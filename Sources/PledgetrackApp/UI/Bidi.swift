import Markup

/// Text of either direction in pages that may be right to left (Arabic). What people typed
/// and what things are called (names, pledge and milestone titles, entities, countries) can
/// be of another direction than the page: left on its own, an English title ending in ")"
/// shows as "(Title" on an Arabic page, and a name beside a number takes the number with
/// it. Each such piece is isolated, so its direction comes from its own first letter and
/// stays inside it; codes and figures that read left to right ("16.2", "KEN") are set so.
///
/// - inside running text or a table cell: `Bidi.isolate` (`<bdi>`);
/// - a block of someone's text (a description, feedback, an answer): `Bidi.auto` on its element;
/// - a code, inside text of either direction: `Bidi.ltr`;
/// - a catalog sentence with names in it: `Bidi.format`;
/// - where markup cannot go (an attribute, a `<title>`, an SVG tooltip): `Bidi.plain`.
enum Bidi {
    /// A name or anything typed, in running text or a cell: its direction is its own.
    static func isolate(_ text: String) -> HTML { "<bdi>\(text)</bdi>" }

    /// The same for markup whose text is a name, such as a link: `<bdi><a …>Name</a></bdi>`.
    static func isolate(_ html: HTML) -> HTML { "<bdi>\(html)</bdi>" }

    /// A link whose text is a name or a title. An element with a `dir` attribute is isolated as
    /// `<bdi>` is, so the link needs no element inside: `<a dir="auto" href="…">Name</a>`.
    /// `extra` is more attributes, after the address (` rel="external"`).
    static func link(_ href: String, _ text: String, extra: HTML = .empty) -> HTML {
        "<a dir=\"auto\" href=\"\(href)\"\(extra)>\(text)</a>"
    }

    /// A timestamp or a day as written in the page's language, isolated: its words (an Arabic
    /// month, "UTC") decide its direction, and it leaves its neighbours alone.
    static func time(_ machine: String, _ text: String) -> HTML {
        "<time datetime=\"\(machine)\" dir=\"auto\">\(text)</time>"
    }

    /// An arrow from an old value to a new one, pointing the way the line reads.
    static func arrow(_ language: Language) -> String { isRightToLeft(language) ? "←" : "→" }

    /// Names in a list, each isolated, joined the language's way (", ", "، ", "、").
    static func list(_ names: some Sequence<String>, _ language: Language) -> HTML {
        list(names.map(isolate), language)
    }

    /// Pieces of markup (links to names) joined the language's way.
    static func list(_ items: [HTML], _ language: Language) -> HTML {
        HTML.join(items, separator: HTML(text: Formatting.listSeparator(language)))
    }

    /// A code or figure that reads left to right in any page ("16.2", "KEN", "GRF-1234", an
    /// address), kept whole inside right-to-left text.
    static func ltr(_ text: String) -> HTML { "<bdi dir=\"ltr\">\(text)</bdi>" }

    /// The attribute for an element that holds one block of someone's text (a description, a
    /// feedback text, an answer): the block takes its direction from its first letter.
    static let auto: HTML = " dir=\"auto\""

    /// Names in a catalog sentence ("Saved by {name} on {when}"): the sentence is made by the
    /// catalog (`Strings.format`, whatever its syntax), its words escaped as text, and each
    /// value put in as the markup given (usually `isolate(…)`); `numbers` as in `Strings.format`.
    static func format(_ t: Strings, _ key: Strings.Key, _ values: [String: HTML], numbers: [String: Int] = [:]) -> HTML {
        // Each value goes in as a marker of private-use characters, which no catalog text holds.
        let names = Array(values.keys)
        let markers = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, "\u{E000}\($0)\u{E001}") })
        let text = numbers.isEmpty ? t.format(key, markers) : t.format(key, markers, numbers: numbers)
        let parts = text.split(separator: "\u{E000}", omittingEmptySubsequences: false)
        var out = HTML(text: parts[0])
        for part in parts.dropFirst() {
            guard let close = part.firstIndex(of: "\u{E001}"), let index = Int(part[..<close]), names.indices.contains(index),
                let value = values[names[index]]
            else {
                out += HTML(text: part)
                continue
            }
            out += value + HTML(text: part[part.index(after: close)...])
        }
        return out
    }

    /// The same with one value.
    static func format(_ t: Strings, _ key: Strings.Key, _ name: String, _ value: HTML) -> HTML {
        format(t, key, [name: value])
    }

    /// First strong isolate … pop directional isolate: `isolate` for plain text, where no
    /// element can go (attribute values, `<title>`, `<option>`, a name inside a sentence
    /// that is itself a value). Only for text shown or read out; never for stored values,
    /// file contents or anything compared.
    static func plain(_ text: String) -> String { "\u{2068}" + text + "\u{2069}" }

    /// The direction of a page's SVG drawing: time and growing bars run from the reading start.
    static func isRightToLeft(_ language: Language) -> Bool { language.direction == "rtl" }
}
