import CompressNIO
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// Compresses responses with gzip for clients that accept it (`Accept-Encoding`, q-values
/// honoured): text (pages, CSV, CSS, JavaScript, SVG, JSON) over a kilobyte, not formats that
/// are compressed already (PDF, XLSX, images), never a HEAD answer, a 204, a 206 or a 304.
/// Brotli is left out: no package kept here offers it (README, "Choices and their reasons").
///
/// Bodies of known length are compressed whole. Identical bodies are compressed once: a
/// visitor's page is the same bytes for everyone reading it in that language, so the
/// compressed form is kept by the SHA-256 of the uncompressed bytes (`CompressedBodies`).
/// Streamed bodies (CSV exports, read from a cursor) are compressed as they stream, each
/// chunk flushed, so memory still holds one chunk and the download still shows progress.
///
/// BREACH: a compressed page must not hold a secret beside input it reflects. The CSRF token
/// is masked afresh for every response (`CSRFToken`), and a page that shows a one-time secret
/// (`Page.showsSecret`) sets `keepUncompressed`, which this middleware honours and removes.
struct CompressionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// Set by a handler to have its response sent uncompressed; never sent to the client.
    static let keepUncompressed = HTTPField.Name("Pledgetrack-Keep-Uncompressed")!
    /// Smaller bodies gain too little to be worth the work (and gzip's 18 bytes of framing).
    static let minimumSize = 1024
    /// Bodies of known length up to this are compressed whole (and kept); longer ones streamed.
    static let wholeLimit = 8 << 20
    /// zlib's level for a body compressed for one response (a signed-in page, a CSV export):
    /// 3, the best of zlib's fast levels, costs about 2 ms for a 450 KB page against 3.6 ms
    /// at the default 6, for a body about a quarter larger (README, "Benchmark").
    static let level: Int32 = 3
    /// The level for a body kept and sent many times (`CompressedBodies`): made once, so the
    /// smaller body is worth the time.
    static let keptLevel: Int32 = 6

    static func algorithm(level: Int32 = level) -> CompressionAlgorithm {
        .gzip(configuration: ZlibConfiguration(windowSize: 15, compressionLevel: level, memoryLevel: 8))
    }

    let bodies: CompressedBodies

    init(bodies: CompressedBodies = CompressedBodies()) {
        self.bodies = bodies
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[Self.keepUncompressed] != nil {
            response.headers[Self.keepUncompressed] = nil
            return response
        }
        guard request.method != .head, Self.mayCompress(response) else { return response }
        // The answer depends on Accept-Encoding from here on, whatever this client sent.
        response.headers[.vary] = Self.adding("Accept-Encoding", toVary: response.headers[values: .vary])
        guard Self.acceptsGzip(request.headers[values: .acceptEncoding]) else { return response }

        if let length = response.body.contentLength, length <= Self.wholeLimit {
            let body = try await Self.collect(response.body, length: length)
            guard let compressed = try bodies.compressed(body) else { return response.replacingBody(body) }
            response.body = ResponseBody(byteBuffer: compressed)
        } else {
            let original = response.body
            response.body = ResponseBody { writer in
                let compressor = Self.algorithm().compressor
                try compressor.startStream()
                defer { try? compressor.finishStream() }
                try await original.write(GzipWriter(parent: writer, compressor: compressor))
            }
            response.headers[.contentLength] = nil
        }
        response.headers[.contentEncoding] = "gzip"
        // A range of the uncompressed file is no part of this representation.
        response.headers[.acceptRanges] = nil
        // A strong validator names exact bytes; these are other bytes of the same content.
        if let eTag = response.headers[.eTag], !eTag.hasPrefix("W/") { response.headers[.eTag] = "W/" + eTag }
        return response
    }

    /// Whether this response is one to compress, whoever asks: a body of text worth compressing,
    /// not encoded already, and nothing forbidding it.
    static func mayCompress(_ response: Response) -> Bool {
        let status = response.status.code
        guard status >= 200, status != 204, status != 206, status != 304 else { return false }
        guard response.headers[.contentEncoding] == nil, isTextual(response.headers[.contentType]) else { return false }
        if let cacheControl = response.headers[.cacheControl], cacheControl.lowercased().contains("no-transform") { return false }
        if let length = response.body.contentLength, length < minimumSize { return false }
        return true
    }

    /// Text that compresses well; formats compressed already (PDF, XLSX, ZIP, images but SVG) are not.
    static func isTextual(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let type = contentType.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces).lowercased()
        if type == "text/event-stream" { return false }  // flushed event by event
        return type.hasPrefix("text/") || type.hasSuffix("+json") || type.hasSuffix("+xml") || textualApplicationTypes.contains(type)
    }

    static let textualApplicationTypes: Set<String> = [
        "application/javascript", "application/x-javascript", "application/ecmascript", "application/json", "application/xml",
    ]

    /// Whether `Accept-Encoding` accepts gzip: named with a q-value above 0 (`gzip;q=0` refuses
    /// it), or covered by `*` when gzip is not named. No header, or an empty one, accepts none.
    static func acceptsGzip(_ values: [String]) -> Bool {
        var gzip: Double?
        var any: Double?
        for item in values.flatMap({ $0.split(separator: ",") }) {
            let parts = item.split(separator: ";")
            guard let first = parts.first else { continue }
            let coding = first.trimmingCharacters(in: .whitespaces).lowercased()
            var weight = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2, pair[0].lowercased() == "q" else { continue }
                weight = Double(pair[1]).flatMap { (0...1).contains($0) ? $0 : nil } ?? 0
            }
            if coding == "gzip" || coding == "x-gzip" {
                gzip = max(gzip ?? 0, weight)
            } else if coding == "*" {
                any = weight
            }
        }
        return (gzip ?? any ?? 0) > 0
    }

    /// The Vary header with `name` added, the values there kept.
    static func adding(_ name: String, toVary values: [String]) -> String {
        let names = values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if names.contains("*") || names.contains(where: { $0.lowercased() == name.lowercased() }) { return names.joined(separator: ", ") }
        return (names + [name]).joined(separator: ", ")
    }

    /// The whole body in one buffer (a page is one already; a static file is read here).
    static func collect(_ body: ResponseBody, length: Int) async throws -> ByteBuffer {
        let collector = Collector(capacity: length)
        try await body.write(collector)
        return collector.buffer
    }

    /// gzip of `input` at `level`, in a buffer of its own size.
    static func gzip(_ input: ByteBuffer, level: Int32 = level) throws -> ByteBuffer {
        var input = input
        let compressor = algorithm(level: level).compressor
        try compressor.startStream()
        defer { try? compressor.finishStream() }
        var output = ByteBufferAllocator().buffer(capacity: compressor.maxSize(from: input))
        try compressor.streamDeflate(from: &input, to: &output, flush: .finish)
        return ByteBuffer(bytes: output.readableBytesView)
    }
}

extension Response {
    fileprivate func replacingBody(_ buffer: ByteBuffer) -> Response {
        var response = self
        response.body = ResponseBody(byteBuffer: buffer)
        return response
    }
}

/// Gathers a body written to it.
private final class Collector: ResponseBodyWriter {
    var buffer: ByteBuffer

    init(capacity: Int) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    func write(_ part: ByteBuffer) async throws {
        var part = part
        buffer.writeBuffer(&part)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

/// Compresses a streamed body chunk by chunk, each flushed so the client gets it at once.
private struct GzipWriter: ResponseBodyWriter {
    var parent: any ResponseBodyWriter
    let compressor: any NIOCompressor

    mutating func write(_ buffer: ByteBuffer) async throws {
        guard buffer.readableBytes > 0 else { return }
        var input = buffer
        let output = try input.compressStream(with: compressor, flush: .sync)
        try await parent.write(output)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {
        var empty = ByteBuffer()
        let output = try empty.compressStream(with: compressor, flush: .finish)
        try await parent.write(output)
        try await parent.finish(trailingHeaders)
    }
}

/// Compressed bodies by the SHA-256 of their uncompressed bytes, so that a page many readers
/// get byte for byte (a visitor's dashboard) is compressed once. A body is kept the second
/// time it is seen: a signed-in page differs in every response (its masked CSRF token) and so
/// never takes a place. At most `budget` bytes are kept, the oldest dropped first.
final class CompressedBodies: Sendable {
    private struct State {
        var bodies: BoundedBuffers<SHA256Digest>
        /// Digests seen once, the oldest first.
        var seen: Set<SHA256Digest> = []
        var seenOrder: [SHA256Digest] = []
    }

    private let state: Mutex<State>
    private let seenLimit: Int

    init(budget: Int = 16 << 20, seenLimit: Int = 4096) {
        self.state = Mutex(State(bodies: BoundedBuffers(budget: budget)))
        self.seenLimit = seenLimit
    }

    /// The gzip form of `body`, kept or made; nil when it would be no smaller.
    func compressed(_ body: ByteBuffer) throws -> ByteBuffer? {
        let digest = SHA256.hash(data: body.readableBytesView)
        enum Found {
            case kept(ByteBuffer)
            case make(keep: Bool)
        }
        let found = state.withLock { state -> Found in
            if let kept = state.bodies[digest] { return .kept(kept) }
            if state.seen.contains(digest) { return .make(keep: true) }
            state.seen.insert(digest)
            state.seenOrder.append(digest)
            if state.seenOrder.count > seenLimit { state.seen.remove(state.seenOrder.removeFirst()) }
            return .make(keep: false)
        }
        let compressed: ByteBuffer
        switch found {
        case .kept(let kept):
            compressed = kept
        case .make(let keep):
            compressed = try CompressionMiddleware.gzip(body, level: keep ? CompressionMiddleware.keptLevel : CompressionMiddleware.level)
            if keep { store(digest, compressed) }
        }
        return compressed.readableBytes < body.readableBytes ? compressed : nil
    }

    private func store(_ digest: SHA256Digest, _ compressed: ByteBuffer) {
        state.withLock { $0.bodies.keep(compressed, for: digest) }
    }

    /// How many bodies are kept (for tests).
    var count: Int { state.withLock { $0.bodies.count } }
}
