/// One option of a single or multi question.
public struct ChoiceOption: Sendable, Hashable {
    public var value: OptionValue
    public var label: LocalizedText
    /// Choosing it clears the others (`None of these`).
    public var exclusive: Bool
    /// Stays in place when options are shuffled.
    public var fixed: Bool
    public var position: SourcePosition

    public init(value: OptionValue, label: LocalizedText, exclusive: Bool = false, fixed: Bool = false,
                at position: SourcePosition = .start) {
        self.value = value
        self.label = label
        self.exclusive = exclusive
        self.fixed = fixed
        self.position = position
    }

    /// The value of the option that `other: true` adds.
    public static let otherValue = OptionValue.text("other")
}
