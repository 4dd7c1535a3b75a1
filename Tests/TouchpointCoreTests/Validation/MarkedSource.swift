import Foundation
import TouchpointCore

/// A fixture whose expected finding positions are marked in the source with keycap emoji (1️⃣ ... 9️⃣).
///
/// The markers are removed before the source is validated; each marker's position is the 1-based line and
/// column (in Unicode scalars, as `SourcePosition` counts) of the character that followed it.
struct MarkedSource {
    var text: String
    var markers: [String: SourcePosition]

    static let keycaps = (1...9).map { "\($0)\u{FE0F}\u{20E3}" }

    init(_ raw: String) {
        var text = ""
        var markers: [String: SourcePosition] = [:]
        var line = 1, column = 1
        var scalars = Array(raw.unicodeScalars)[...]
        while let s = scalars.first {
            if scalars.count >= 3, ("1"..."9").contains(s), scalars[scalars.startIndex + 1] == "\u{FE0F}",
               scalars[scalars.startIndex + 2] == "\u{20E3}" {
                markers[String(s) + "\u{FE0F}\u{20E3}"] = SourcePosition(line: line, column: column)
                scalars = scalars.dropFirst(3)
                continue
            }
            text.unicodeScalars.append(s)
            if s == "\n" { line += 1; column = 1 } else { column += 1 }
            scalars = scalars.dropFirst()
        }
        self.text = text
        self.markers = markers
    }

    /// Reads a fixture beside the tests.
    static func fixture(_ name: String, filePath: String = #filePath) throws -> MarkedSource {
        let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/validation/\(name)")
        return MarkedSource(try String(contentsOf: url, encoding: .utf8))
    }

    /// Names of every validation fixture.
    static func allFixtureNames(filePath: String = #filePath) throws -> [String] {
        let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/validation")
        return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".yaml") }.sorted()
    }
}
