import NIOCore

/// Byte buffers by key, at most `budget` bytes of them, the oldest dropped first; a buffer over
/// a quarter of the budget is not kept. A plain value: its owner keeps it under its own lock
/// (`CompressedBodies`, `RenderedPages`).
struct BoundedBuffers<Key: Hashable> {
    let budget: Int
    private var buffers: [Key: ByteBuffer] = [:]
    private var order: [Key] = []
    private var bytes = 0

    init(budget: Int) {
        self.budget = budget
    }

    subscript(key: Key) -> ByteBuffer? { buffers[key] }

    var count: Int { buffers.count }

    mutating func keep(_ buffer: ByteBuffer, for key: Key) {
        guard buffers[key] == nil, buffer.readableBytes <= budget / 4 else { return }
        buffers[key] = buffer
        order.append(key)
        bytes += buffer.readableBytes
        while bytes > budget, !order.isEmpty {
            bytes -= buffers.removeValue(forKey: order.removeFirst())?.readableBytes ?? 0
        }
    }
}
