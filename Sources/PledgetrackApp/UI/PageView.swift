/// A page that needs more of the request than its words: the CSRF token for its forms, or
/// who is signed in.
protocol PageView {
    func page(_ context: PageContext) -> Page
}
