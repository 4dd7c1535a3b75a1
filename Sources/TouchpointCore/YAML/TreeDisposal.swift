import Dispatch

/// Frees a YAML tree that is no longer needed on another thread, so that the caller does not wait for it.
///
/// The node tree of a 2,000-question file holds about a hundred thousand values; releasing them one by one took
/// about as long as reading the questions out of it. Nothing reads the tree once the questionnaire is built, so
/// `run` reaches its first question sooner when the release happens beside it instead of before it. Small
/// files are freed at once: a thread hop would cost more than it saves.
enum TreeDisposal {
    /// Files smaller than this are freed on the caller's thread.
    static let backgroundBytes = 64 * 1024

    /// Takes the caller's last reference to `root` and releases it, on a background queue for a large file.
    static func release(_ root: consuming YAMLNode, sourceBytes: Int) {
        guard sourceBytes >= backgroundBytes else { return }
        let box = Box(consume root)
        DispatchQueue.global(qos: .utility).async { box.drop() }
    }

    /// Holds the tree until the background queue lets it go.
    private final class Box: @unchecked Sendable {
        // @unchecked: the tree is immutable, and after the hand-over only the background queue touches the box.
        private var node: YAMLNode?
        init(_ node: consuming YAMLNode) { self.node = node }
        func drop() { node = nil }
    }
}
