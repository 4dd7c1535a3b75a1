/// One prompt's request to a `LineReader`: the prompt, the text to edit, what Tab completes, and what to
/// show again when the terminal is resized.
public struct LineRequest {
    /// The text before the cursor (see `LineReader.readLine(prompt:defaultText:completions:)`).
    public var prompt: String
    /// Text placed in the edit buffer beforehand; Enter accepts it as it is.
    public var defaultText: String?
    /// The only words Tab may complete.
    public var completions: [String]
    /// Whether the answer is a list, so that Tab completes its last item (after a comma or a space).
    public var completesListItems: Bool
    /// The lines shown just above the prompt (its hint), laid out for a terminal of the given columns:
    /// drawn again, at the new width, after the window is resized. Nil draws only the prompt again.
    public var hint: ((Int) -> [String])?

    public init(prompt: String, defaultText: String? = nil, completions: [String] = [], completesListItems: Bool = false,
                hint: ((Int) -> [String])? = nil) {
        self.prompt = prompt
        self.defaultText = defaultText
        self.completions = completions
        self.completesListItems = completesListItems
        self.hint = hint
    }
}

extension LineReader {
    /// Readers without line editing read the line as `readLine(prompt:defaultText:completions:)` does.
    public func readLine(_ request: LineRequest) -> LineReadResult {
        readLine(prompt: request.prompt, defaultText: request.defaultText, completions: request.completions)
    }
}
