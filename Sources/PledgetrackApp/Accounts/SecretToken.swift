import Foundation

/// Random secrets for cookies, links and codes, from the system's secure generator.
enum SecretToken {
    /// 32 random bytes, base64url without padding (43 characters): session and invitation tokens.
    static func make(bytes count: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Characters people can read out and type: no 0/O or 1/l/I.
    static let readableAlphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    /// A code people type, in groups: `k7dq-m2xr-9hfa`.
    static func readable(groups: Int = 3, of length: Int = 4) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<groups).map { _ in
            String((0..<length).map { _ in readableAlphabet.randomElement(using: &generator)! })
        }.joined(separator: "-")
    }
}
