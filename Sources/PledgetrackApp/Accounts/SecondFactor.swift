import Crypto
import Database
import Foundation
import HummingbirdOTP

/// The key that encrypts stored authenticator secrets (AES-256-GCM), from `SECOND_FACTOR_KEY`:
/// a copy of the database alone does not give anyone's codes.
public struct SecondFactorKey: Sendable {
    let key: SymmetricKey

    /// 32 bytes, base64 (`openssl rand -base64 32`); nil when the text is not that.
    public init?(base64: String) {
        guard let data = Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines)), data.count == 32 else { return nil }
        key = SymmetricKey(data: data)
    }

    /// For development and tests on a loopback address only (the configuration refuses it elsewhere).
    public static let development = SecondFactorKey(
        base64: Data(SHA256.hash(data: Data("pledgetrack development".utf8))).base64EncodedString())!

    /// A keyed digest (HMAC-SHA256, hex) of `text`: equal texts give equal digests, but nobody
    /// without the key can tell which text it was (an IPv4 address alone would be guessed from
    /// a plain hash). The sign-in limits count client addresses this way.
    func digest(_ text: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key)
        return "k:" + mac.prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    /// `v1:` and the base64 of nonce, ciphertext and tag.
    func seal(_ secret: String) throws -> String {
        let box = try AES.GCM.seal(Data(secret.utf8), using: key)
        guard let combined = box.combined else { throw CryptoKitError.incorrectParameterSize }
        return "v1:" + combined.base64EncodedString()
    }

    /// The secret, or nil when it cannot be read with this key. A secret stored before
    /// encryption (plain, 20 characters) is read as it is, and sealed when next written.
    func open(_ stored: String) -> String? {
        guard stored.hasPrefix("v1:") else { return stored.count == 20 ? stored : nil }
        guard let data = Data(base64Encoded: String(stored.dropFirst(3))), let box = try? AES.GCM.SealedBox(combined: data),
            let plain = try? AES.GCM.open(box, using: key)
        else { return nil }
        return String(decoding: plain, as: UTF8.self)
    }
}

/// Time-based one-time codes (RFC 6238, as authenticator apps make them) and one-time
/// recovery codes for admin and secretariat accounts.
enum SecondFactor {
    static let step = 30

    /// A new secret: 20 random characters, whose bytes are the HMAC key.
    static func newSecret() -> String {
        SecretToken.readable(groups: 5, of: 4).replacingOccurrences(of: "-", with: "")
    }

    /// The secret as authenticator apps want it typed: base32, in groups of four.
    static func base32(_ secret: String) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bits = 0, value = 0, out = ""
        for byte in secret.utf8 {
            value = (value << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[(value >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(value << (5 - bits)) & 31]) }
        return stride(from: 0, to: out.count, by: 4).map { i in
            let start = out.index(out.startIndex, offsetBy: i)
            return String(out[start..<(out.index(start, offsetBy: 4, limitedBy: out.endIndex) ?? out.endIndex)])
        }.joined(separator: " ")
    }

    static func authenticatorURL(secret: String, email: String) -> String {
        TOTP(secret: secret).createAuthenticatorURL(label: "Pledgetrack:\(email)", issuer: "Pledgetrack")
    }

    /// The time step a code matches (now, or one step either side for clock drift), or nil.
    static func matchingStep(code: String, secret: String, at date: Date = Date()) -> Int64? {
        let digits = code.filter(\.isNumber)
        guard digits.count == 6, let number = Int(digits) else { return nil }
        let totp = TOTP(secret: secret, timeStep: step)
        let now = Int64(date.timeIntervalSince1970) / Int64(step)
        for offset: Int64 in [0, -1, 1] {
            let stepDate = Date(timeIntervalSince1970: TimeInterval((now + offset) * Int64(step)))
            if totp.compute(date: stepDate) == number { return now + offset }
        }
        return nil
    }

    /// Accepts a code once: the step must be later than the last one this account used.
    static func accept(code: String, userID: Int, key: SecondFactorKey, on connection: Connection) throws -> Bool {
        guard
            let stored = try connection.queryFirst(
                "SELECT totp_secret FROM app_user WHERE id = \(userID)", { try $0.decode(0, as: String?.self) })
                ?? nil,
            let secret = key.open(stored), let step = matchingStep(code: code, secret: secret)
        else { return false }
        let updated = try connection.execute(
            """
            UPDATE app_user SET totp_last_step = \(step)
            WHERE id = \(userID) AND (totp_last_step IS NULL OR totp_last_step < \(step))
            """)
        return updated == 1
    }

    /// A code or a recovery code (told apart by their shape), used up if right.
    static func verify(_ code: String, userID: Int, key: SecondFactorKey, on connection: Connection) throws -> (ok: Bool, recovery: Bool) {
        if isRecoveryCode(code) { return (try useRecoveryCode(code, userID: userID, on: connection), true) }
        return (try accept(code: code, userID: userID, key: key, on: connection), false)
    }

    static func isRecoveryCode(_ code: String) -> Bool { code.contains("-") || code.count > 8 }

    /// Saves the first authenticator of an account that has none. The condition is in the
    /// statement: an account that already has one is never given another this way (false).
    static func enrol(userID: Int, secret: String, step: Int64, key: SecondFactorKey, on connection: Connection) throws -> Bool {
        try connection.execute(
            """
            UPDATE app_user SET totp_secret = \(try key.seal(secret)), totp_last_step = \(step)
            WHERE id = \(userID) AND totp_secret IS NULL
            """) == 1
    }

    /// Replaces an account's authenticator, after its owner gave the current one (or a recovery code).
    static func replace(userID: Int, secret: String, step: Int64, key: SecondFactorKey, on connection: Connection) throws -> Bool {
        try connection.execute(
            """
            UPDATE app_user SET totp_secret = \(try key.seal(secret)), totp_last_step = \(step)
            WHERE id = \(userID) AND totp_secret IS NOT NULL
            """) == 1
    }

    /// Encrypts secrets stored before encryption (run at start, after the migrations).
    static func sealPlainSecrets(key: SecondFactorKey, on connection: Connection) throws -> Int {
        let plain = try connection.query(
            "SELECT id, totp_secret FROM app_user WHERE totp_secret IS NOT NULL AND totp_secret NOT LIKE 'v1:%'"
        ) {
            row in
            (try row.decode(0, as: Int.self), try row.decode(1, as: String.self))
        }
        for (id, secret) in plain {
            try connection.execute("UPDATE app_user SET totp_secret = \(try key.seal(secret)) WHERE id = \(id) AND totp_secret = \(secret)")
        }
        return plain.count
    }

    /// Ten new recovery codes for an account (replacing any old ones), returned once to show.
    static func newRecoveryCodes(userID: Int, on connection: Connection) throws -> [String] {
        let codes = (0..<10).map { _ in SecretToken.readable() }
        try connection.execute("DELETE FROM recovery_code WHERE user_id = \(userID)")
        try connection.execute(
            """
            INSERT INTO recovery_code (user_id, code_hash)
            SELECT \(userID), sha256(convert_to(replace(code, '-', ''), 'UTF8')) FROM unnest(\(codes)::text[]) AS code
            """)
        return codes
    }

    /// Uses up a recovery code; true when it was valid and unused.
    static func useRecoveryCode(_ code: String, userID: Int, on connection: Connection) throws -> Bool {
        let normalized = code.lowercased().filter { !$0.isWhitespace && $0 != "-" }
        return try connection.execute(
            """
            UPDATE recovery_code SET used_at = now()
            WHERE user_id = \(userID) AND used_at IS NULL AND code_hash = sha256(convert_to(\(normalized), 'UTF8'))
            """) == 1
    }
}
