import Foundation
import TouchpointCore
import TouchpointTerminal

#if canImport(Glibc)
import Glibc
#endif

/// Where the command-line target writes: data to stdout, problems to stderr.
enum Console {
    static func out(_ text: String, terminator: String = "\n") {
        print(text, terminator: terminator)
    }

    static func error(_ text: String) {
        var line = text
        if !line.hasSuffix("\n") { line += "\n" }
        flush()
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Writes out what `print` buffered, so prompts appear before input is read.
    static func flush() { fflush(nil) }

    /// Whether colour may be used on a stream, by `ColorChoice`'s rule (flags, `NO_COLOR`, `FORCE_COLOR`, a terminal).
    static func colorEnabled(fd: Int32, choice: ColorChoice) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        return choice.enabled(outputIsTerminal: isatty(fd) == 1, noColorVariable: environment["NO_COLOR"],
                              forceColorVariable: environment["FORCE_COLOR"])
    }
}
