import Testing
import TouchpointJSON

/// The pull reader (`JSONCursor`) reads every number it accepts to the same double as `JSONParser`, long
/// decimals included, and leaves exponents to the parser.
@Suite struct JSONCursorNumberTests {
    /// The cursor's value for `text`, or nil when it stops.
    static func cursor(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { buffer -> Double? in
            guard var cursor = JSONCursor(buffer) else { return nil }
            guard let value = try? cursor.number(), (try? cursor.expectEnd()) != nil else { return nil }
            return value
        }
    }

    static func parser(_ text: String) -> Double? {
        (try? JSONParser().parse(Array(text.utf8)))?.doubleValue
    }

    @Test func longDecimalsReadToTheParsersDoubleBitForBit() {
        let fixed = ["3.6666666666666665", "4.333333333333333", "-2.3333333333333335", "0.1000000000000000055511151231257827",
                     "123456789012345678901234567890", "-9007199254740993", "9007199254740992", "0.00000000000000000000000001",
                     "1.00000000000000011102230246251565404236316680908203125", "5", "-0", "0.5", "17.25",
                     String(repeating: "9", count: 400)]
        var texts = fixed
        // Seeded: random digit strings with a point somewhere, 1 to 40 digits.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<3000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let digits = Int(state >> 59) + Int((state >> 40) & 7) + 1
            var text = (state >> 20) & 1 == 0 ? "" : "-"
            var first = true
            let point = Int((state >> 8) % UInt64(digits + 1))
            for index in 0..<digits {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                var digit = Int(state >> 60) % 10
                if first, digit == 0, point != 1 { digit = 1 }
                if index == point, index > 0 { text += "." }
                text += String(digit)
                first = false
            }
            texts.append(text)
        }
        for text in texts {
            let expected = Self.parser(text)
            guard let value = Self.cursor(text) else {
                #expect(expected == nil || text.count > 300, "the cursor stops on \(text), which the parser reads")
                continue
            }
            #expect(value.bitPattern == expected?.bitPattern, "\(text): cursor \(value), parser \(String(describing: expected))")
        }
    }

    @Test func exponentsAndBadNumbersAreLeftToTheParser() {
        for text in ["1e2", "1.5E-3", "-", "01", "1.", ".5", "1e400", "2.5e"] {
            #expect(Self.cursor(text) == nil, "\(text)")
        }
    }
}
