import Foundation
import Logging
import Synchronization

/// Logs as JSON lines on standard output (`LOG_FORMAT=json`), one object a line, for a log
/// collector: `time`, `level`, `label`, `message`, `source`, and the metadata (the request id
/// `hb.request.id` among it) as strings. What is logged is the same as in text: paths with
/// one-time tokens redacted, never a body or anything a person wrote.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let write: @Sendable (String) -> Void

    public init(label: String, write: @escaping @Sendable (String) -> Void = JSONLogHandler.standardOutput) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [(String, String)] = [
            ("time", Date().formatted(.iso8601)),
            ("level", event.level.rawValue), ("label", label), ("message", event.message.description), ("source", event.source),
        ]
        let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for key in all.keys.sorted() where !["time", "level", "label", "message", "source"].contains(key) {
            fields.append((key, all[key]!.description))
        }
        write("{" + fields.map { "\(Self.quoted($0.0)):\(Self.quoted($0.1))" }.joined(separator: ",") + "}\n")
    }

    /// A JSON string: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static let output = Mutex(())

    /// Whole lines to standard output, one writer at a time.
    public static let standardOutput: @Sendable (String) -> Void = { line in
        output.withLock { _ in
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }
}
