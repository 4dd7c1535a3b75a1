/// Decides, key by key, whether the default text in the edit buffer is replaced or kept for editing.
///
/// After `:back` (or a rejected answer) the earlier text stands in the edit buffer. An interviewer who types an
/// answer means a new one: the first printable character (or the start of a bracketed paste, `ESC [200~`)
/// replaces the default whole, so typing `40` over `4` gives `40`, not `440`. Enter accepts the default as it
/// is; any other key first (an arrow, Home, End, Backspace, Ctrl-A, Ctrl-E, Tab, an Alt key) keeps it for
/// editing, and later keys edit as usual. Bytes are seen as they come from the terminal, one at a time.
struct DefaultTextKeys: Sendable, Equatable {
    /// The escape sequence read so far, while the first key is one.
    private var sequence: [UInt8] = []
    /// Whether the first key has yet to be decided.
    private(set) var isPending: Bool

    init(pending: Bool = false) {
        isPending = pending
    }

    private static let escape: UInt8 = 0x1B
    private static let pasteStart = Array("\u{1B}[200~".utf8)

    /// Takes the next byte typed; true when the default must be removed before the byte is acted on.
    mutating func replaces(after byte: UInt8) -> Bool {
        guard isPending else { return false }
        if sequence.isEmpty {
            if byte == Self.escape {
                sequence = [byte]
                return false
            }
            isPending = false
            // Printable ASCII, or the first byte of a UTF-8 character; not DEL (Backspace) nor control keys.
            return byte >= 0x20 && byte != 0x7F
        }
        sequence.append(byte)
        if sequence == Self.pasteStart {
            isPending = false
            return true
        }
        // CSI (`ESC [`, parameter and intermediate bytes, a final byte) and SS3 (`ESC O`, one byte) go on to
        // their end; anything else after ESC is an Alt key, which ends the sequence.
        let ongoing = sequence.count == 2
            ? byte == UInt8(ascii: "[") || byte == UInt8(ascii: "O")
            : sequence[1] == UInt8(ascii: "[") && (0x20...0x3F).contains(byte)
        if !ongoing {
            isPending = false
            sequence = []
        }
        return false
    }
}
