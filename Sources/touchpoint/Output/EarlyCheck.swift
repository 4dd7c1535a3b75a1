import Dispatch
import Foundation
import TouchpointCore

#if canImport(Glibc)
import Glibc
#endif

/// The check of the large questionnaire a `run` or `validate` command line names first, started on another
/// thread before the arguments are parsed, so that reading and checking the file overlaps the argument parser's
/// start-up (about 2 ms of the 2,000-question file's first prompt, bench/README.md).
///
/// Nothing is decided early: the command takes the result only for the same file checked the same way
/// (`take`), and prints, asks and exits exactly as after its own check. A command line the parser refuses waits
/// for the thread (`finish`) before the process exits.
final class EarlyCheck: @unchecked Sendable {
    // @unchecked: `result` is written once by the thread before it leaves `group`, and read only after `group.wait()`.

    /// How the file is checked: the command's `QuestionnaireCheck.check` arguments.
    struct Options: Equatable {
        var runTests: Bool
        var analyseFlow: Bool
        var digest: Bool
        var keepsChecked: Bool

        /// `run`'s check: no tests, no flow analysis, the file's digest, the checked questionnaire.
        static let run = Options(runTests: false, analyseFlow: false, digest: true, keepsChecked: true)
        /// `validate`'s: tests and flow analysis, findings only.
        static let validate = Options(runTests: true, analyseFlow: true, digest: false, keepsChecked: false)
    }

    /// Files smaller than this are checked faster than a thread starts.
    static let minimumBytes = 64 * 1024

    let path: String
    let options: Options
    private let group = DispatchGroup()
    private var result: QuestionnaireCheck?

    private init(path: String, options: Options) {
        self.path = path
        self.options = options
    }

    /// Starts the check for `arguments` (without the program name) when they are `run FILE ...` or
    /// `validate FILE ...` with FILE a regular file of at least `minimumBytes`, and nothing asks for help.
    static func start(_ arguments: [String]) -> EarlyCheck? {
        guard arguments.count >= 2 else { return nil }
        let options: Options
        switch arguments[0] {
        case "run": options = .run
        case "validate": options = .validate
        default: return nil
        }
        let path = arguments[1]
        guard !path.hasPrefix("-"), !arguments.contains(where: { $0 == "-h" || $0 == "--help" || $0 == "--version" }),
              isLargeFile(path) else { return nil }
        let early = EarlyCheck(path: path, options: options)
        early.group.enter()
        // A thread of its own with the main thread's stack size: the check may recurse as deep as it does there.
        let thread = Thread { [early] in
            early.result = QuestionnaireCheck.check(path: path, language: nil, runTests: options.runTests,
                                                    analyseFlow: options.analyseFlow, digest: options.digest,
                                                    keepsChecked: options.keepsChecked)
            early.group.leave()
        }
        thread.stackSize = 8 << 20
        thread.start()
        return early
    }

    /// The check of `path`, when it is the one started early with `options` (waiting for it to finish).
    func take(path: String, options: Options) -> QuestionnaireCheck? {
        guard path == self.path, options == self.options else { return nil }
        group.wait()
        return result
    }

    /// Waits until the check has finished (before the process exits).
    func finish() {
        group.wait()
    }

    private static func isLargeFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) >= minimumBytes
    }
}
