extension StringProtocol {
    /// The length as PostgreSQL's `length()` counts it, in Unicode code points, which is what
    /// the tables' CHECK constraints limit. Swift's `count` counts what a reader sees as one
    /// character: a letter with combining accents is one character but several code points, so
    /// checking `count` let text through that the database then refused (a 500, not a message).
    var length: Int { unicodeScalars.count }
}
