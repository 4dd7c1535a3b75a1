import CFuzzerDriver
import Foundation

/// The `main` of every fuzz target: libFuzzer's driver in a fuzzing build, a replay of saved inputs otherwise.
///
/// fuzz/run.sh builds with `-DTOUCHPOINT_FUZZING` and `-sanitize=address,fuzzer`; then the arguments are
/// libFuzzer's (corpus folders, `-max_total_time=60`...). A plain `swift build` gives a program that runs the
/// harness once on each file named (folders: each file in them), to reproduce a finding without the fuzzer.
public enum FuzzEntry {
    /// A harness as libFuzzer calls it: the input's bytes and their count; returns 0.
    public typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    /// Runs `callback` under libFuzzer, or over the files named on the command line; never returns.
    public static func main(_ callback: Callback) -> Never {
        #if TOUCHPOINT_FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
        #else
        exit(replay(CommandLine.arguments.dropFirst(), callback))
        #endif
    }

    /// The input as an owned array (empty for a null pointer).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Runs `callback` on each file named (each file in a folder); returns the exit status.
    static func replay(_ paths: ArraySlice<String>, _ callback: Callback) -> Int32 {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                FileHandle.standardError.write(Data("fuzz: no such file: \(path)\n".utf8))
                return 2
            }
            if isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.sorted().map { path + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            _ = [UInt8](data).withUnsafeBufferPointer { callback($0.baseAddress, $0.count) }
        }
        FileHandle.standardOutput.write(Data("fuzz: ran \(files.count) inputs, no finding\n".utf8))
        return 0
    }
}
