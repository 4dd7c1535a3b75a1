/// Version 4 UUIDs in their lower-case text form (RFC 9562), from a given generator.
public enum UUIDText {
    /// A random UUID drawn from `rng`: a seeded generator gives the same ids on every run.
    public static func random<R: RandomNumberGenerator>(using rng: inout R) -> String {
        let high = rng.next(), low = rng.next()
        // Written straight into the string's storage: no arrays of bytes or digits on the way.
        return String(unsafeUninitializedCapacity: 36) { text in
            func hex(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }
            var position = 0
            for i in 0..<16 {
                if i == 4 || i == 6 || i == 8 || i == 10 {
                    text[position] = UInt8(ascii: "-")
                    position += 1
                }
                var byte = i < 8 ? UInt8(truncatingIfNeeded: high >> (8 * UInt64(7 - i)))
                    : UInt8(truncatingIfNeeded: low >> (8 * UInt64(15 - i)))
                if i == 6 { byte = (byte & 0x0F) | 0x40 }   // version 4
                if i == 8 { byte = (byte & 0x3F) | 0x80 }   // variant 10
                text[position] = hex(byte >> 4)
                text[position + 1] = hex(byte & 0x0F)
                position += 2
            }
            return position
        }
    }
}
