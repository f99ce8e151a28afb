import Foundation
import HTTPTypes
import Hummingbird

/// The app's cookies. With `secure` on (always, except plain-HTTP localhost development) they
/// carry the `__Host-` prefix: Secure, Path=/, no Domain, so no other site or subdomain can
/// set or read them. All are HttpOnly and SameSite=Lax; only the known-device token outlives the browser session.
public struct CookiePolicy: Sendable {
    public let secure: Bool

    public init(secure: Bool) { self.secure = secure }

    var session: String { name("pt_session") }
    var csrf: String { name("pt_csrf") }
    var flash: String { name("pt_flash") }
    /// A browser the account signed in from before (see `KnownDevices`); kept 180 days.
    var device: String { name("pt_device") }
    /// The language the reader chose with the switcher, for the rest of the browser session.
    var language: String { name("pt_lang") }
    /// The data version the reader's last write made, for a few seconds (`FreshnessMiddleware`).
    var wrote: String { name("pt_wrote") }

    private func name(_ base: String) -> String { secure ? "__Host-" + base : base }

    func make(_ name: String, _ value: String) -> String {
        Cookie(name: name, value: value, path: "/", secure: secure, httpOnly: true, sameSite: .lax).description
    }

    /// The one cookie that outlives the browser session: the known-device token.
    func makeLasting(_ name: String, _ value: String, days: Int = 180) -> String {
        Cookie(name: name, value: value, maxAge: days * 86_400, path: "/", secure: secure, httpOnly: true, sameSite: .lax).description
    }

    /// A cookie that lasts `seconds`.
    func makeShort(_ name: String, _ value: String, seconds: Int) -> String {
        Cookie(name: name, value: value, maxAge: seconds, path: "/", secure: secure, httpOnly: true, sameSite: .lax).description
    }

    func clear(_ name: String) -> String {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax).description
    }
}

extension CookiePolicy {
    /// The answer to a form that was handled: a redirect (303) with a flash message for the
    /// next page, and any cookies to clear (the session, on signing out).
    func redirect(_ location: String, flash: Strings.Key, clearing cleared: [String] = []) -> Response {
        .seeOther(location, setting: cleared.map(clear) + [make(self.flash, flash.rawValue)])
    }
}

extension Response {
    /// A redirect after a form was handled (303: the browser follows with GET).
    static func seeOther(_ location: String, setting cookies: [String] = []) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: .seeOther, headers: headers)
    }
}
