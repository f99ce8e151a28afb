import Database
import Logging
import PledgetrackApp
import Testing

@Suite("Configuration and interface text")
struct ConfigurationAndTextTests {
    @Test("defaults when nothing is set")
    func defaults() throws {
        let config = try AppConfiguration.fromEnvironment([:])
        #expect(config.host == "127.0.0.1")
        #expect(config.port == 8080)
        #expect(config.database.url == nil)
        #expect(config.database.poolSize == 8)
        #expect(config.database.statementTimeout == .seconds(10))
        #expect(config.migrateOnStart)
    }

    @Test("every variable is read")
    func variables() throws {
        let config = try AppConfiguration.fromEnvironment([
            "HOST": "0.0.0.0", "PORT": "9000", "DATABASE_URL": "postgresql://a@b/c", "DATABASE_POOL_SIZE": "3",
            "DATABASE_STATEMENT_TIMEOUT_MS": "250", "PUBLIC_DIR": "/srv/p", "MIGRATIONS_DIR": "/srv/m",
            "MIGRATE_ON_START": "false", "LOG_LEVEL": "DEBUG",
        ])
        #expect(config.host == "0.0.0.0")
        #expect(config.port == 9000)
        #expect(config.database.url == "postgresql://a@b/c")
        #expect(config.database.poolSize == 3)
        #expect(config.database.statementTimeout == .milliseconds(250))
        #expect(config.publicDirectory == "/srv/p")
        #expect(config.migrationsDirectory == "/srv/m")
        #expect(!config.migrateOnStart)
        #expect(config.logLevel == .debug)
    }

    @Test("a bad value stops the start with a message naming the variable",
          arguments: [("PORT", "http"), ("PORT", "70000"), ("DATABASE_POOL_SIZE", "0"),
                      ("MIGRATE_ON_START", "maybe"), ("LOG_LEVEL", "loud"), ("DATABASE_STATEMENT_TIMEOUT_MS", "-5")])
    func invalid(variable: String, value: String) {
        #expect {
            try AppConfiguration.fromEnvironment([variable: value])
        } throws: { error in
            "\(error)".hasPrefix("\(variable)=\(value) is not valid")
        }
    }

    @Test("every interface text has its English wording")
    func catalogIsComplete() {
        let english = Strings(.english)
        for key in Strings.Key.allCases {
            #expect(english[key] != key.rawValue && !english[key].isEmpty, "\(key)")
        }
    }

    @Test("placeholders are filled in")
    func format() {
        #expect(Strings(.english).format(.measureNumber, ["number": "7"]) == "Measure 7")
    }

    @Test("the language comes from Accept-Language, English when none is offered")
    func negotiation() {
        #expect(Language.negotiate(acceptLanguage: nil) == .english)
        #expect(Language.negotiate(acceptLanguage: "fr-FR, ar;q=0.8, en;q=0.5") == .english)
        #expect(Language.negotiate(acceptLanguage: "garbage;;q=x,,") == .english)
        #expect(Language.english.direction == "ltr")
    }
}
