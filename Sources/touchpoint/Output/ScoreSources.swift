import ArgumentParser
import TouchpointCore
import TouchpointTerminal

#if canImport(Glibc)
import Glibc
#endif

/// The response files named on a `score` / `verify` command line, checked before any is read.
enum ScoreSources {
    /// The sources for `arguments` (`-` is standard input). A file that cannot be opened ends the command
    /// with `unreadableCode` before anything is scored, so a typo never gives figures from fewer files.
    static func resolve(_ arguments: [String], unreadableCode: Int32 = 2) throws -> [ResponseSource] {
        var sources: [ResponseSource] = []
        var unreadable = false
        for argument in arguments {
            let source = ResponseSource(argument: argument)
            if case .file(let path) = source, isRegularFile(path) {
                do {
                    try JSONLinesReader.withFile(atPath: path) { _ in }
                } catch {
                    Console.error("touchpoint: cannot read \(error)")
                    unreadable = true
                    continue
                }
            }
            if sources.contains(source) {
                Console.error("touchpoint: \(source) is named twice; each file is read once")
                continue
            }
            sources.append(source)
        }
        if unreadable { throw ExitCode(unreadableCode) }
        return sources
    }

    /// Whether `path` should be opened ahead: a regular file, a folder or a path that does not exist (opening
    /// reports the last two clearly). Pipes and devices are not: opening a named pipe twice could lose
    /// what its writer sent in between.
    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return true }
        let kind = info.st_mode & S_IFMT
        return kind == S_IFREG || kind == S_IFDIR
    }

}
