/// Why a `pattern` could not be compiled, and where in it the problem is.
///
/// The message is written for survey authors: it says what is wrong and how to fix it, starts in
/// lower case and has no position in it, so that callers can put it after their own context
/// ("the pattern of `zip` is not usable: ...").
public struct PatternError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Zero-based offset, in Unicode scalars, of the offending part of the pattern's source.
    public var offset: Int
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates an error at `offset` (Unicode scalars into the source) with a message for authors.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// The message with a one-based character position, for contexts that show no source.
    public var description: String { "\(message) (at character \(offset + 1) of the pattern)" }
}
