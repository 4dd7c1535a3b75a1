/// Why `touchpoint tab` cannot tabulate what was asked; each message names the thing and the fix.
public struct TabError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public init(_ message: String) {
        self.message = message
    }
}
