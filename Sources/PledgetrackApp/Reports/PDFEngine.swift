import Foundation

/// Prints the meeting brief to PDF with a real browser engine, headless Chromium (Debian's
/// `chromium` package), from the same HTML as the printable page: page numbers come from its
/// `@page` rules, tables are kept whole by its layout. No hand-written PDF.
///
/// The page is written to a private folder beside its style sheets, with a policy that lets it
/// load nothing but them and run no script; Chromium runs it without network, so printing
/// reaches nothing outside the folder.
struct PDFEngine: Sendable {
    /// The program, or nil when none is installed (or `PDF_ENGINE=none`): the reports page says
    /// so and offers the other formats.
    let executable: String?

    static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

    /// `configured` is `PDF_ENGINE`: a path, "none", or unset to look in the usual places.
    static func locate(_ configured: String?) -> PDFEngine {
        if configured == "none" { return PDFEngine(executable: nil) }
        let choices = configured.map { [$0] } ?? candidates
        return PDFEngine(executable: choices.first { FileManager.default.isExecutableFile(atPath: $0) })
    }

    var isAvailable: Bool { executable != nil }

    /// Two prints at a time, one of them kept for signed-in staff: a Chromium print starts some
    /// ten processes, about 450 MB of memory together, and keeps a core busy for a second or
    /// two. A request finding no room is told to try again (`Busy`), not queued behind a reader
    /// who may have left. (Visitors' briefs are printed once per data version: `PublicBriefCache`.)
    private static let printing = ExportGate(.init(limit: 2, staffReserved: 1, perClient: 1, perAccount: 1))

    struct Busy: Error {}

    /// Prints `html`; `assets` (its style sheets) are copied beside it, so relative links reach
    /// them, and `files` (made for this print: the running header's style sheet) are written beside it.
    func render(html: String, assets: [URL] = [], files: [String: String] = [:], for client: ExportGate.Client) async throws -> Data {
        guard let executable else { throw ChildProcess.Failed(description: "no PDF engine is installed") }
        guard let ticket = Self.printing.enter(client) else { throw Busy() }
        defer { withExtendedLifetime(ticket) {} }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pledgetrack-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("brief.html")
        let pdf = folder.appendingPathComponent("brief.pdf")
        try Data(html.utf8).write(to: page)
        for asset in assets {
            try FileManager.default.copyItem(at: asset, to: folder.appendingPathComponent(asset.lastPathComponent))
        }
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        try await ChildProcess.run(
            executable,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                // The brief has no script; without a JIT, Chromium needs no writable and executable
                // memory, so it runs under systemd's MemoryDenyWriteExecute (deploy/pledgetrack.service).
                "--js-flags=--jitless",
                // No crash reports are written, and nothing of the app's environment (its database
                // address) reaches Chromium: only what it needs, pointing into the folder. The page's
                // own policy forbids script (turning script off in Blink stops headless printing).
                "--disable-crash-reporter", "--disable-breakpad",
                "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--no-pdf-header-footer",
                "--print-to-pdf=\(pdf.path)", page.absoluteString,
            ], environment: ["HOME=\(folder.path)", "TMPDIR=\(folder.path)", "PATH=/usr/bin:/bin", "LANG=C.UTF-8"], timeout: .seconds(60))
        return try Data(contentsOf: pdf)
    }
}
