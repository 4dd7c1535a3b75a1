import Foundation
import TouchpointCore
import TouchpointTerminal

// The interop checks' window into the core: reads JSON lines on standard input, writes one answer a line.
//   TouchpointProbe pattern   each line ["PATTERN", "TEXT"]  ->  1 (whole text matches), 0 (no match), E (refused)
//   TouchpointProbe width     each line "TEXT"               ->  DisplayWidth.of(TEXT)
//   TouchpointProbe scalars   each line a code point number  ->  DisplayWidth.of(that scalar)
// Used by Tests/interop/checks/pattern_re.sh and display_width.sh; not installed, not for users.

let mode = CommandLine.arguments.dropFirst().first ?? ""
var output = ""
while let line = readLine(strippingNewline: true) {
    guard let value = try? JSONParser().parse(line) else { output += "?\n"; continue }
    switch (mode, value) {
    case ("pattern", .array(let pair)) where pair.count == 2:
        guard case .string(let source) = pair[0], case .string(let text) = pair[1] else { output += "?\n"; continue }
        if let pattern = try? Pattern(source) { output += pattern.matches(text) ? "1\n" : "0\n" } else { output += "E\n" }
    case ("width", .string(let text)):
        output += "\(DisplayWidth.of(text))\n"
    case ("scalars", .number(let n)):
        if let scalar = Unicode.Scalar(UInt32(n)) { output += "\(DisplayWidth.of(scalar))\n" } else { output += "?\n" }
    default:
        output += "?\n"
    }
}
FileHandle.standardOutput.write(Data(output.utf8))
