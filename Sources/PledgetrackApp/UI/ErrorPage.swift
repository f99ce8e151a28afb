import Markup

/// The pages for 400, 404, 500 and 503. They say what happened in plain words and never show
/// internals: a 500 shows only the request id, which the log carries with the details.
struct ErrorPage {
    enum Kind {
        case badRequest, forbidden, notFound, tooLarge, serverError, unavailable
    }

    let kind: Kind
    let requestID: String

    func page(_ t: Strings) -> Page {
        let (title, body): (Strings.Key, Strings.Key) =
            switch kind {
            case .badRequest: (.badRequestTitle, .badRequestBody)
            case .forbidden: (.forbiddenTitle, .forbiddenBody)
            case .tooLarge: (.tooLargeTitle, .tooLargeBody)
            case .notFound: (.notFoundTitle, .notFoundBody)
            case .serverError: (.serverErrorTitle, .serverErrorBody)
            case .unavailable: (.unavailableTitle, .unavailableBody)
            }
        let reference: HTML =
            kind == .serverError || kind == .unavailable
            ? "<p class=\"muted\">\(t.format(.errorReference, ["id": requestID]))</p>" : .empty
        return Page(
            title: t[title],
            content: """
                <p>\(t[body])</p>
                \(reference)
                <p><a href="/">\(t[.backHome])</a></p>
                """)
    }
}
