import Database
import Foundation
import Logging
import Synchronization
import Testing

@testable import PledgetrackApp

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
            "MIGRATE_ON_START": "false", "LOG_LEVEL": "DEBUG", "LOG_FORMAT": "json",
            "SECOND_FACTOR_KEY": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "METRICS_TOKEN": "a-token-of-twenty-characters",
        ])
        #expect(config.metricsToken == "a-token-of-twenty-characters")
        #expect(config.secondFactorKey.open(try config.secondFactorKey.seal("abcdefghjkmnpqrstuvw")) == "abcdefghjkmnpqrstuvw")
        #expect(
            SecondFactorKey.development.open(try config.secondFactorKey.seal("abcdefghjkmnpqrstuvw")) == nil, "another key reads nothing")
        #expect(config.logFormat == .json)
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

    @Test("a listening address other than loopback needs SECOND_FACTOR_KEY, and a real one")
    func secondFactorKeyRequired() {
        #expect(throws: AppConfiguration.Invalid.self) { try AppConfiguration.fromEnvironment(["HOST": "0.0.0.0"]) }
        #expect(throws: AppConfiguration.Invalid.self) { try AppConfiguration.fromEnvironment(["SECOND_FACTOR_KEY": "short"]) }
        #expect(throws: AppConfiguration.Invalid.self) { try AppConfiguration.fromEnvironment(["METRICS_TOKEN": "short"]) }
    }

    @Test("LOG_FORMAT=json: one JSON object a line, with the request id and every character escaped")
    func jsonLogs() throws {
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "pledgetrack") { label in JSONLogHandler(label: label) { line in lines.withLock { $0.append(line) } } }
        logger[metadataKey: "hb.request.id"] = "abc123"
        logger.warning("a \"quoted\" message\nover two lines", metadata: ["path": "/pledges/7", "tab": "a\tb\u{1}"])
        let written = lines.withLock { $0 }
        #expect(written.count == 1 && written[0].hasSuffix("}\n") && !written[0].dropLast().contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(written[0].utf8)) as? [String: String])
        #expect(object["level"] == "warning" && object["label"] == "pledgetrack" && object["hb.request.id"] == "abc123")
        #expect(
            object["message"] == "a \"quoted\" message\nover two lines" && object["tab"] == "a\tb\u{1}" && object["path"] == "/pledges/7")
        #expect(object["time"].map { $0.hasSuffix("Z") && $0.count >= 20 } == true)
    }

    @Test("a DATABASE_URL libpq cannot read stops the start, without repeating the value (it may hold a password)")
    func badDatabaseURL() {
        for url in ["host=localhost port", "postgresql://user:secret@host/pool?sslmod=require", "bogus=1"] {
            #expect {
                try AppConfiguration.fromEnvironment(["DATABASE_URL": url])
            } throws: { error in
                "\(error)".hasPrefix("DATABASE_URL=(the value set) is not valid") && !"\(error)".contains("secret")
            }
        }
        #expect(throws: Never.self) {
            try AppConfiguration.fromEnvironment(["DATABASE_URL": "host=/tmp port=5432 dbname=x target_session_attrs=read-write"])
        }
    }

    @Test(
        "a bad value stops the start with a message naming the variable",
        arguments: [
            ("PORT", "http"), ("PORT", "70000"), ("DATABASE_POOL_SIZE", "0"),
            ("MIGRATE_ON_START", "maybe"), ("LOG_LEVEL", "loud"), ("DATABASE_STATEMENT_TIMEOUT_MS", "-5"),
            ("LOG_FORMAT", "xml"),
        ])
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

    @Test("the catalog is one table per feature, and a key given words twice is an error")
    func catalogHasNoDuplicates() {
        #expect(Strings.duplicateKeys(Strings.englishTables).isEmpty)
        #expect(Strings.englishTables.map(\.entries.count).reduce(0, +) == Strings.Key.allCases.count, "one entry per key")
        let twice: KeyValuePairs<Strings.Key, String> = [.siteName: "One", .navHome: "Home", .siteName: "Two"]
        #expect(Strings.duplicateKeys([("a", twice)]) == [.siteName])
        #expect(Strings.duplicateKeys([("a", [.siteName: "One"]), ("b", [.siteName: "Two"])]) == [.siteName])
    }

    @Test("placeholders are filled in")
    func format() {
        #expect(Strings(.english).format(.measureNumber, ["number": "7"]) == "Measure 7")
    }

    @Test("the language comes from Accept-Language, English when none is offered")
    func negotiation() {
        #expect(Language.negotiate(acceptLanguage: nil) == .english)
        #expect(Language.negotiate(acceptLanguage: "fr-FR, ar;q=0.8, en;q=0.5") == .french)
        #expect(Language.negotiate(acceptLanguage: "de-DE, ar;q=0.8, en;q=0.9") == .english)
        #expect(Language.negotiate(acceptLanguage: "de, zh-Hant-TW;q=0.7, ru;q=0.7") == .chinese, "the first of equal weight")
        #expect(Language.negotiate(acceptLanguage: "ar;q=0, es") == .spanish, "q=0 means not this one")
        #expect(Language.negotiate(acceptLanguage: "garbage;;q=x,,") == .english)
        #expect(Language.english.direction == "ltr")
        #expect(Language.arabic.direction == "rtl")
    }
}
