/// A name a score reads, taken apart: a question or compute id, a grid row (`service.speed`), and the loop
/// rounds it is limited to (`seq[find_plan]`, outermost loop first), written as prompts are named in `path`.
public struct ScoreItemName: Sendable, Hashable {
    /// The name without its rounds: `seq`, `service.speed`.
    public var base: String
    /// The question or compute id.
    public var id: String
    /// The option values of the loop rounds kept, outermost first; empty: every round.
    public var rounds: [String]

    /// Splits `text`; `nil` when its brackets are not `[option]` groups right after the id (before any `.row`).
    public init?(_ text: String) {
        guard let open = text.firstIndex(of: "[") else {
            base = text
            id = String(text.prefix { $0 != "." })
            rounds = []
            return
        }
        id = String(text[..<open])
        guard !id.isEmpty, !id.contains(".") else { return nil }
        var rest = text[open...]
        var rounds: [String] = []
        while rest.first == "[" {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            let value = rest[rest.index(after: rest.startIndex)..<close]
            guard !value.isEmpty, !value.contains("[") else { return nil }
            rounds.append(String(value))
            rest = rest[rest.index(after: close)...]
        }
        guard rest.isEmpty || (rest.first == "." && !rest.dropFirst().isEmpty && !rest.contains("[") && !rest.contains("]")) else {
            return nil
        }
        self.rounds = rounds
        base = id + rest
    }
}
