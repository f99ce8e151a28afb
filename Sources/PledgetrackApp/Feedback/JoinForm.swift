/// What a new panel member types when joining: a pseudonym, a password and, only if they
/// want one, an e-mail for signing in. Nothing else is asked for.
struct JoinForm: Sendable {
    var pseudonym = ""
    var email = ""
    var password = ""
    var confirmation = ""

    init() {}

    init(_ form: FormData) {
        pseudonym = form.trimmed("pseudonym")
        email = form.trimmed("email").lowercased()
        password = form.string("password")
        confirmation = form.string("password_confirmation")
    }

    /// Problems with the pseudonym and e-mail; the password is checked by `PasswordPolicy`.
    func validate() -> FieldErrors {
        var errors = FieldErrors()
        let allowed = pseudonym.allSatisfy { $0.isLetter || $0.isNumber || " -_.'".contains($0) }
        if pseudonym.length < 2 || pseudonym.length > 40 || !allowed { errors.add("pseudonym", .pseudonymInvalid) }
        if !email.isEmpty {
            let parts = email.split(separator: "@")
            if email.length > 254 || parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".")
                || email.contains(where: \.isWhitespace)
            {
                errors.add("email", .emailInvalid)
            }
        }
        return errors
    }
}
