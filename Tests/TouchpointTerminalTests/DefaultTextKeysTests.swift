import Testing
@testable import TouchpointTerminal

/// Which first key replaces a default in the edit buffer and which keeps it for editing.
@Suite("DefaultTextKeys")
struct DefaultTextKeysTests {
    /// Feeds `bytes` and returns the index of the byte before which the default is removed, if any.
    private func replacement(after bytes: [UInt8]) -> Int? {
        var keys = DefaultTextKeys(pending: true)
        for (i, byte) in bytes.enumerated() where keys.replaces(after: byte) { return i }
        return nil
    }

    @Test func thePrintableCharacterTypedFirstReplacesTheDefault() {
        #expect(replacement(after: Array("40".utf8)) == 0)
        #expect(replacement(after: Array(" x".utf8)) == 0)
        #expect(replacement(after: Array("是".utf8)) == 0, "the first byte of a UTF-8 character")
    }

    @Test func aPasteReplacesTheDefaultWhenItsStartSequenceEnds() {
        #expect(replacement(after: Array("\u{1B}[200~12\u{1B}[201~".utf8)) == 5)
    }

    @Test func enterEditingKeysAndAltKeysKeepTheDefault() {
        for keys in ["\r", "\u{7F}1", "\u{01}1", "\u{05}1", "\t1", "\u{1B}[D1", "\u{1B}OH1", "\u{1B}[1;5D1", "\u{1B}b1", "\u{1B}[3~1"] {
            #expect(replacement(after: Array(keys.utf8)) == nil, "\(keys.debugDescription)")
        }
    }

    @Test func aReaderWithNoDefaultNeverReplaces() {
        var keys = DefaultTextKeys()
        let replaced = keys.replaces(after: UInt8(ascii: "4"))
        #expect(!replaced)
        #expect(!keys.isPending)
    }
}
