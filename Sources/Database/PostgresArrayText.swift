/// Parses PostgreSQL's text form of a one-dimensional array: `{a,"b c",NULL}`.
enum PostgresArrayText {
    /// The elements, `nil` for NULL; `nil` overall when the text is not such an array.
    static func parse(_ text: String) -> [String?]? {
        let chars = Array(text.unicodeScalars)
        guard chars.first == "{", chars.last == "}" else { return nil }
        var items: [String?] = []
        var i = 1
        let end = chars.count - 1
        if i == end { return [] }
        while i <= end {
            var item = String.UnicodeScalarView()
            var quoted = false
            if chars[i] == "\"" {
                quoted = true
                i += 1
                while i < end, chars[i] != "\"" {
                    if chars[i] == "\\" { i += 1 }
                    guard i < end else { return nil }
                    item.append(chars[i])
                    i += 1
                }
                guard i < end else { return nil }
                i += 1  // closing quote
            } else {
                while i < end, chars[i] != "," {
                    guard chars[i] != "{", chars[i] != "\"" else { return nil }  // nested arrays unsupported
                    item.append(chars[i])
                    i += 1
                }
            }
            let value = String(item)
            items.append(!quoted && value == "NULL" ? nil : value)
            guard i == end || chars[i] == "," else { return nil }
            i += 1
        }
        return items
    }
}
