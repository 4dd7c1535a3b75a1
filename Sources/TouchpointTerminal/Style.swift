/// Colours and emphasis for terminal output, as ANSI SGR escape sequences, only when enabled.
///
/// Whether colour is enabled is decided once by the command line (see
/// `colorEnabled(outputIsTerminal:noColorVariable:noColorFlag:)`); a disabled `Style` returns text
/// unchanged, so callers style unconditionally. Style text after neutralising it
/// (`TerminalSanitizer`) and after measuring or wrapping it: escape sequences have no width.
public struct Style: Sendable, Equatable {
    /// One SGR attribute.
    public enum Attribute: String, Sendable, CaseIterable {
        case bold = "1"
        case dim = "2"
        case italic = "3"
        case underline = "4"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case blue = "34"
        case magenta = "35"
        case cyan = "36"
    }

    /// Whether escape sequences are written at all.
    public let colorEnabled: Bool

    /// A style that colours only when `colorEnabled` is true.
    public init(colorEnabled: Bool) {
        self.colorEnabled = colorEnabled
    }

    /// The usual rule for colour: the output is a terminal, `NO_COLOR` is unset or empty, and
    /// `--no-color` was not given.
    ///
    /// - Parameters:
    ///   - outputIsTerminal: `isatty` of the stream that will be written.
    ///   - noColorVariable: the value of the `NO_COLOR` environment variable, nil when unset.
    ///     Per no-color.org, any non-empty value turns colour off; an empty one does not.
    ///   - noColorFlag: whether `--no-color` was given.
    public static func colorEnabled(outputIsTerminal: Bool, noColorVariable: String?, noColorFlag: Bool) -> Bool {
        let noColorRequested = !(noColorVariable ?? "").isEmpty
        return outputIsTerminal && !noColorRequested && !noColorFlag
    }

    /// The text wrapped in the attributes' start sequence and a reset, or unchanged when colour
    /// is disabled or no attribute is given.
    public func apply(_ attributes: Attribute..., to text: String) -> String {
        apply(attributes, to: text)
    }

    /// The text wrapped in the attributes' start sequence and a reset, or unchanged when colour
    /// is disabled or no attribute is given.
    public func apply(_ attributes: [Attribute], to text: String) -> String {
        guard colorEnabled, !attributes.isEmpty, !text.isEmpty else { return text }
        let codes = attributes.map(\.rawValue).joined(separator: ";")
        return "\u{1B}[" + codes + "m" + text + "\u{1B}[0m"
    }

    /// Bold text, for question text and headings.
    public func bold(_ text: String) -> String { apply(.bold, to: text) }

    /// Faint text, for hints and progress markers.
    public func dim(_ text: String) -> String { apply(.dim, to: text) }

    /// Red text, for errors.
    public func error(_ text: String) -> String { apply(.bold, .red, to: text) }

    /// Yellow text, for warnings and soft-check confirmations.
    public func warning(_ text: String) -> String { apply(.yellow, to: text) }

    /// Green text, for confirmations.
    public func success(_ text: String) -> String { apply(.green, to: text) }

    /// Cyan text, for prompts and option numbers.
    public func accent(_ text: String) -> String { apply(.cyan, to: text) }
}
