import Markup
import Testing

@Suite("HTML escapes what is interpolated")
struct HTMLEscapingTests {
    static let hostile = #"<script>alert("x")</script> & 'quoted' &lt; "><img src=x onerror=alert(1)>"#

    @Test("text is escaped: every one of & < > \" '")
    func textIsEscaped() {
        let html: HTML = "<p>\(Self.hostile)</p>"
        #expect(
            html.rendered
                == "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; &amp;lt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>"
        )
    }

    @Test("an attribute value cannot be closed by the data")
    func attributeValueStaysInside() {
        let value = #"" onmouseover="alert(1)"#
        let html: HTML = "<input value=\"\(value)\">"
        #expect(html.rendered == "<input value=\"&quot; onmouseover=&quot;alert(1)\">")
        #expect(!html.rendered.contains("\" onmouseover"))
    }

    @Test("entities typed by a person show as typed, not decoded")
    func entitiesAreNotPassedThrough() {
        let html: HTML = "\("&lt;b&gt; &#60;")"
        #expect(html.rendered == "&amp;lt;b&amp;gt; &amp;#60;")
    }

    @Test("nested HTML is inserted as it is, and its own text was escaped when built")
    func nestedHTML() {
        let inner: HTML = "<b>\("a<b")</b>"
        let outer: HTML = "<p>\(inner)</p>"
        #expect(outer.rendered == "<p><b>a&lt;b</b></p>")
    }

    @Test("optionals, numbers, lists and conditions")
    func otherInterpolations() {
        let missing: String? = nil
        let items: [HTML] = ["<li>\("1 < 2")</li>", "<li>two</li>"]
        let html: HTML = "\(missing)<ul>\(items)</ul>\(42)\(if: true, " hidden")\(if: false, " open")"
        #expect(html.rendered == "<ul><li>1 &lt; 2</li><li>two</li></ul>42 hidden")
    }

    @Test("non-ASCII text is kept intact")
    func unicode() {
        let html: HTML = "\("Côte d’Ivoire — العربية & 日本")"
        #expect(html.rendered == "Côte d’Ivoire — العربية &amp; 日本")
    }

    @Test("join puts separators between parts only")
    func join() {
        let html = HTML.join(["a", "b", "c"], separator: ", ")
        #expect(html.rendered == "a, b, c")
        #expect(HTML.join([]).rendered == "")
    }
}
