import Database

/// The rules for a new password, as ASVS level 2 asks: at least 8 characters, up to 128
/// allowed, any characters (spaces, emoji, pasted text), and not one of the passwords people
/// pick most. Nothing else is demanded: no forced mixes of character classes.
enum PasswordPolicy {
    static let minimumLength = 8
    static let maximumLength = 128

    /// What is wrong with a new password, as a catalog key; nil when it is acceptable.
    static func problem(with password: String, confirmation: String, on connection: Connection) throws -> Strings.Key? {
        if password.count < minimumLength { return .passwordTooShort }
        if password.count > maximumLength { return .passwordTooLong }
        if password != confirmation { return .passwordsDiffer }
        let common = try connection.queryValue(
            "SELECT EXISTS (SELECT 1 FROM common_password WHERE password = lower(\(password)))", as: Bool.self)
        return common ? .passwordTooCommon : nil
    }
}
