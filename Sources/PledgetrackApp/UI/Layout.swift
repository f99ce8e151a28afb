import Markup

/// One page's own parts; `Layout` wraps them in the head, navigation, messages and footer
/// that every page shares.
public struct Page: Sendable {
    public struct Crumb: Sendable {
        public let title: String
        public let href: String
    }

    public var title: String
    /// The trail above the heading, from home to the page's parent.
    public var breadcrumbs: [Crumb] = []
    public var content: HTML
    /// The page shows a secret meant for this reader alone (a one-time link, an authenticator
    /// key, recovery codes): it is sent uncompressed, so that input reflected beside the secret
    /// cannot reveal it through the compressed length (BREACH; see `CompressionMiddleware`).
    public var showsSecret: Bool
    /// Set by `PageCache` on a page it keeps (unique in the process), so a visitor's whole
    /// response around it can be kept too (`RenderedPages`); 0 for a page made for one request.
    public var serial = 0

    public init(title: String, breadcrumbs: [Crumb] = [], content: HTML, showsSecret: Bool = false) {
        self.title = title
        self.breadcrumbs = breadcrumbs
        self.content = content
        self.showsSecret = showsSecret
    }
}

enum Layout {
    static func render(_ page: Page, _ context: PageContext) -> HTML {
        let t = context.strings
        return """
            <!doctype html>
            <html lang="\(context.language.rawValue)" dir="\(context.language.direction)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(page.title) · \(t[.siteName])</title>
            <link rel="stylesheet" href="/static/css/app.css">
            <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
            \(alternates(context))
            </head>
            <body>
            \(quickExit(context))
            <a class="skip-link" href="#main">\(t[.skipToContent])</a>
            <header class="site-header" id="site-menu">
            <div class="wrap">
            <a class="brand" href="/">\(t[.siteName])</a>
            <a class="menu-toggle" href="#site-menu">\(t[.menuOpen])</a>
            <div class="site-menu">
            <nav aria-label="\(t[.mainNavigation])"><ul>
            \(navLink("/", t[.navHome], context))
            \(navLink("/pledges", t[.navPledges], context))
            \(navLink("/dashboards", t[.navDashboards], context))
            \(navLink("/measures", t[.navMeasures], context))
            \(navLink("/feedback", t[.navFeedback], context))
            \(navLink("/reports", t[.navReports], context))
            </ul></nav>
            \(accountLinks(context))
            \(languageSwitcher(context))
            <a class="menu-close" href="#">\(t[.menuClose])</a>
            </div>
            </div>
            </header>
            <main id="main" class="wrap" tabindex="-1">
            \(breadcrumbs(page.breadcrumbs, t))
            \(flash(context.flash))
            <h1>\(page.title)</h1>
            \(page.content)
            </main>
            <footer class="site-footer"><div class="wrap">
            <p>\(t[.footerAbout])</p>
            <p>\(t[.footerSources])</p>
            </div></footer>
            \(quickExitCorner(context))
            </body>
            </html>
            """
    }

    /// "Leave this site", first in the tab order on every page where a survivor may be. With
    /// JavaScript it hides the page at once, signs out and replaces the location (so Back does
    /// not return); without, it is a plain link away.
    private static func quickExit(_ context: PageContext) -> HTML {
        guard FeedbackAccess.isSafetyPage(path: context.path, user: context.user) else { return .empty }
        let t = context.strings
        let token: HTML = context.hasSession ? " data-csrf=\"\(context.csrfToken)\"" : .empty
        return """
            <div class="quick-exit"><a id="quick-exit" href="\(FeedbackAccess.neutralSite)" rel="noreferrer"\(token)>\(t[.quickExit])</a>
            <span class="quick-exit-hint">\(t[.quickExitHint])</span> <a href="/feedback/staying-safe">\(t[.stayingSafeLink])</a></div>
            <script src="/static/js/quick-exit.js" defer></script>
            """
    }

    /// The same way out at the bottom corner of a narrow screen, where a thumb reaches it
    /// (CSS shows it there only); last in the tab order, so the first stays first.
    private static func quickExitCorner(_ context: PageContext) -> HTML {
        guard FeedbackAccess.isSafetyPage(path: context.path, user: context.user) else { return .empty }
        return "<a class=\"quick-exit-corner\" href=\"\(FeedbackAccess.neutralSite)\" rel=\"noreferrer\">\(context.strings[.quickExit])</a>"
    }

    /// The same page in the other languages, for search engines and browsers.
    private static func alternates(_ context: PageContext) -> HTML {
        let links = Language.allCases.map { language -> HTML in
            "<link rel=\"alternate\" hreflang=\"\(language.rawValue)\" href=\"\(context.address(in: language))\">"
        }
        return HTML.join(links + ["<link rel=\"alternate\" hreflang=\"x-default\" href=\"\(context.address(in: nil))\">"])
    }

    /// The six languages, each named in itself, on every page; the reader's own is marked.
    private static func languageSwitcher(_ context: PageContext) -> HTML {
        let items = Language.allCases.map { language -> HTML in
            let current = language == context.language
            return """
                <li><a href="\(context.address(in: language))" hreflang="\(language.rawValue)" lang="\(language.rawValue)" \
                dir="\(language.direction)"\(if: current, " aria-current=\"true\"")>\(language.autonym)</a></li>
                """
        }
        return "<nav class=\"languages\" aria-label=\"\(context.strings[.languageSwitcher])\"><ul>\(HTML.join(items))</ul></nav>"
    }

    private static func navLink(_ href: String, _ title: String, _ context: PageContext) -> HTML {
        navLink(href, HTML(text: title), context)
    }

    private static func navLink(_ href: String, _ title: HTML, _ context: PageContext) -> HTML {
        let current = href == "/" ? context.path == "/" : context.path == href || context.path.hasPrefix(href + "/")
        return "<li><a href=\"\(href)\"\(if: current, " aria-current=\"page\"")>\(title)</a></li>"
    }

    /// Sign in, or the person's own links and a sign-out button (a form: signing out changes state).
    private static func accountLinks(_ context: PageContext) -> HTML {
        let t = context.strings
        guard context.hasSession else {
            return "<div class=\"account-links\"><a href=\"/login\">\(t[.navSignIn])</a></div>"
        }
        var links: [HTML] = []
        if let user = context.user {
            if !user.roles.subtracting([.panelMember]).isEmpty { links.append(navLink("/work", t[.navWork], context)) }
            if user.has(.admin) || user.has(.secretariat) {
                links.append(navLink("/admin/entities", t[.navEntities], context))
                links.append(navLink("/admin/users", t[.navUsers], context))
            }
            if user.has(.admin) { links.append(navLink("/admin/audit", t[.navAudit], context)) }
            if user.has(.secretariat) || user.has(.panelFacilitator) { links.append(navLink("/panels", t[.navPanels], context)) }
            links.append(navLink("/account", Bidi.format(t, .navAccount, "name", Bidi.isolate(user.displayName)), context))
        }
        let signOut = FormViews.form(
            action: "/logout", csrfToken: context.csrfToken, "<button type=\"submit\" class=\"link-button\">\(t[.navSignOut])</button>")
        return "<div class=\"account-links\"><ul>\(links)</ul>\(signOut)</div>"
    }

    private static func breadcrumbs(_ crumbs: [Page.Crumb], _ t: Strings) -> HTML {
        guard !crumbs.isEmpty else { return .empty }
        let items = crumbs.map { crumb -> HTML in "<li><a href=\"\(crumb.href)\">\(crumb.title)</a></li>" }
        return "<nav class=\"breadcrumbs\" aria-label=\"\(t[.breadcrumbs])\"><ol>\(items)</ol></nav>"
    }

    private static func flash(_ messages: [Flash]) -> HTML {
        let items = messages.map { message -> HTML in
            let role: HTML = message.kind == .error ? "alert" : "status"
            return "<div class=\"flash flash-\(message.kind.rawValue)\" role=\"\(role)\">\(message.message)</div>"
        }
        return HTML.join(items)
    }
}
