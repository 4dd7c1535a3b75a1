/// Text shown to respondents: one string, or one string per language.
public struct LocalizedText: Sendable, Hashable {
    /// Translations by language code. A plain string in the file is stored under `""` and serves every language.
    public var translations: [String: String]
    /// Where the text (or its map) starts in the file.
    public var position: SourcePosition
    /// Where each translation's language key was written (empty for a plain string).
    public var languagePositions: [String: SourcePosition]

    public init(_ translations: [String: String], at position: SourcePosition = .start,
                languagePositions: [String: SourcePosition] = [:]) {
        self.translations = translations
        self.position = position
        self.languagePositions = languagePositions
    }

    /// A text that is the same in every language.
    public init(plain: String, at position: SourcePosition = .start) {
        self.init(["": plain], at: position)
    }

    public var isPlain: Bool { translations.keys.contains("") }

    /// The text in `language`, else in `fallback`, else the plain text, else any translation.
    public func text(_ language: String, fallback: String? = nil) -> String {
        if let t = translations[language] { return t }
        if let fallback, let t = translations[fallback] { return t }
        if let t = translations[""] { return t }
        return translations.sorted { $0.key < $1.key }.first?.value ?? ""
    }

    /// Every string in it, for checks that look at all languages (placeholders, reading time).
    public var allTexts: [String] { translations.keys.sorted().compactMap { translations[$0] } }
}
