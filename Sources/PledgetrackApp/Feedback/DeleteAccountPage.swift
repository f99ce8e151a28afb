import Markup

/// `/account/delete`: a panel member deletes their account and chooses what happens to
/// their feedback: erased, or kept without any link to them.
struct DeleteAccountPage: PageView {
    let errors: FieldErrors
    /// The choice made before a mistake (nil: none yet).
    let erase: Bool?

    func page(_ context: PageContext) -> Page {
        let t = context.strings
        let choices = [("erase", t[.deleteErase], erase == true), ("keep", t[.deleteKeep], erase == false)].map {
            value, label, checked -> HTML in
            """
            <div class="checkbox"><input type="radio" id="texts-\(value)" name="texts" value="\(value)"\(if: checked, " checked")>
            <label for="texts-\(value)">\(label)</label></div>
            """
        }
        let choiceError: HTML = errors["texts"].map { "<p class=\"field-error\" id=\"texts\">\(t[$0])</p>" } ?? .empty
        return Page(
            title: t[.deleteAccountTitle],
            content: """
                <p>\(t[.deleteAccountIntro])</p>
                \(FormViews.errorSummary(errors, t))
                \(FormViews.form(action: "/account/delete", csrfToken: context.csrfToken, """
                <fieldset class="field\(if: errors["texts"] != nil, " has-error")"><legend>\(t[.deleteTextsLegend])</legend>\(choiceError)\(choices)</fieldset>
                \(FormViews.field("password", label: t[.fieldCurrentPassword], type: "password", error: errors["password"],
                                  hint: t[.deletePasswordHint], autocomplete: "current-password", t))
                <div class="button-group">\(FormViews.warningButton(t[.deleteAccountButton]))
                <a href="/feedback">\(t[.deleteAccountCancel])</a></div>
                """))
                """)
    }
}
