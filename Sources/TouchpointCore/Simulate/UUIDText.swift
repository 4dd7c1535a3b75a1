/// Version 4 UUIDs in their lower-case text form (RFC 9562), from a given generator.
public enum UUIDText {
    /// A random UUID drawn from `rng`: a seeded generator gives the same ids on every run.
    public static func random<R: RandomNumberGenerator>(using rng: inout R) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        let high = rng.next(), low = rng.next()
        for i in 0..<8 {
            bytes[i] = UInt8(truncatingIfNeeded: high >> (8 * UInt64(7 - i)))
            bytes[8 + i] = UInt8(truncatingIfNeeded: low >> (8 * UInt64(7 - i)))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40   // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80   // variant 10
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (i, byte) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { text.append(UInt8(ascii: "-")) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
