import Foundation
import Testing
import TouchpointCore

/// One command-line surface: the same colour flags, exit codes for unreadable files, completions and help.
@Suite("One command-line surface")
struct CommandLineSurfaceTests {
    static let printing = ["validate", "run", "test", "simulate", "score", "verify", "show", "saved"]

    private func workspace() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.copyBundled("relationship_nps")
        try workspace.copyBundled("customer_journey")
        return workspace
    }

    /// Arguments that make `command` read a file that does not exist.
    private static func missingFileArguments(_ command: String) -> [String] {
        switch command {
        case "score", "verify": [command, "missing.yaml", "missing.jsonl"]
        default: [command, "missing.yaml"]
        }
    }

    @Test(arguments: printing)
    func everyPrintingCommandTakesTheSameColourFlags(command: String) throws {
        let help = try workspace().run([command, "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--no-color"))
        #expect(help.stdout.contains("--color <auto|always|never>"))
    }

    @Test(arguments: printing)
    func aMissingFileExitsWithStatusTwo(command: String) throws {
        let result = try workspace().run(Self.missingFileArguments(command))
        #expect(result.status == 2, "stdout: \(result.stdout) stderr: \(result.stderr)")
        // validate and test report it as a finding (on stdout, with their other findings); the rest on stderr.
        #expect((result.stdout + result.stderr).contains("missing.yaml"))
    }

    @Test func aMissingResponseFileExitsWithStatusTwoInVerify() throws {
        let result = try workspace().run(["verify", "questionnaires/relationship_nps.yaml", "missing.jsonl"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("missing.jsonl"))
    }

    @Test func forceColorColoursOutputThatIsNotATerminalAndTheFlagsWin() throws {
        let workspace = try workspace()
        try workspace.write("bad.yaml", "touchpoint: 1\nid: t\nquestions:\n  - {id: a, type: yes_no}\n")
        let forced = try workspace.run(["validate", "bad.yaml"], environment: ["NO_COLOR": "", "FORCE_COLOR": "1"])
        #expect(forced.stdout.contains("\u{1B}["))
        let never = try workspace.run(["validate", "bad.yaml", "--color", "never"], environment: ["NO_COLOR": "", "FORCE_COLOR": "1"])
        #expect(!never.stdout.contains("\u{1B}["))
        let noColor = try workspace.run(["validate", "bad.yaml", "--no-color", "--color", "always"], environment: ["NO_COLOR": ""])
        #expect(!noColor.stdout.contains("\u{1B}["))
        let always = try workspace.run(["validate", "bad.yaml", "--color", "always"])
        #expect(always.stdout.contains("\u{1B}["))
        let plain = try workspace.run(["validate", "bad.yaml"], environment: ["NO_COLOR": "1", "FORCE_COLOR": "1"])
        #expect(!plain.stdout.contains("\u{1B}["))
    }

    @Test func simulateIntoAMissingFolderSaysSoAndWritesNothing() throws {
        let workspace = try workspace()
        let result = try workspace.run(["simulate", "questionnaires/relationship_nps.yaml", "-n", "3", "--out", "nowhere/sim.jsonl"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the folder nowhere does not exist; create it first (mkdir -p nowhere)"))
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        #expect(!workspace.exists("nowhere"))
    }

    @Test func simulateWritesItsResponsesReadableByTheOwnerOnly() throws {
        let workspace = try workspace()
        let result = try workspace.run(["simulate", "questionnaires/relationship_nps.yaml", "-n", "3", "--out", "sim.jsonl"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(try workspace.records("sim.jsonl").count == 3)
        let attributes = try FileManager.default.attributesOfItem(atPath: workspace.path + "/sim.jsonl")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(!workspace.list(".").contains { $0.hasSuffix(".tmp") })
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func fileArgumentsCompleteAsFiles(shell: String) throws {
        let script = try workspace().run(["--generate-completion-script", shell])
        #expect(script.status == 0)
        switch shell {
        case "bash": #expect(script.stdout.contains("__touchpoint_add_completions -f"))
        case "zsh": #expect(script.stdout.contains(":file:_files -g '\\''*.yaml *.yml *.json'\\''"))
        default: #expect(script.stdout.contains("\"touchpoint validate\" -ge 1' -F"))
        }
    }

    @Test(arguments: [""] + printing)
    func helpExamplesDoNotWrapMidCommand(command: String) throws {
        let arguments = command.isEmpty ? ["--help"] : [command, "--help"]
        let help = try workspace().run(arguments, environment: ["COLUMNS": "80"])
        let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("Example") }) else {
            Issue.record("no example in \(command) --help")
            return
        }
        let examples = lines[(start + 1)...].prefix { !$0.isEmpty }
        #expect(!examples.isEmpty)
        for line in examples {
            #expect(line.hasPrefix("  "), "a wrapped example line in \(command) --help: \(line)")
        }
    }

    @Test func setWithAValueTheMetaKeyDoesNotAcceptListsTheValuesAndPrintsRunUsage() throws {
        let result = try workspace().run(["run", "questionnaires/customer_journey.yaml", "--set", "segment=vip", "--answers", "-"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("`vip` is not a value of meta `segment`, which accepts new, regular, high_value"))
        #expect(result.stderr.contains("Usage: touchpoint run <file>"))
    }

    @Test func showAndValidateAgreeOnAnUnknownLanguage() throws {
        let workspace = try workspace()
        let show = try workspace.run(["show", "questionnaires/customer_journey.yaml", "--lang", "fr"])
        let validate = try workspace.run(["validate", "questionnaires/customer_journey.yaml", "--lang", "fr"])
        #expect(show.status == 1)
        #expect(validate.status == 1)
        let problem = "`--lang fr` was asked for, but this questionnaire has only en, zh"
        #expect(show.stderr.contains(problem))
        #expect(validate.stdout.contains(problem))
        #expect(show.stderr.contains("run `touchpoint validate questionnaires/customer_journey.yaml --lang fr` for details"))
    }

    @Test func validateAgainstAnEarlierVersionWarnsAboutIncomparableChangesAndExitsZeroUnlessStrict() throws {
        let workspace = try workspace()
        try workspace.write("old.yaml", "touchpoint: 1\nid: v\nquestions:\n  - {id: ease, type: scale, min: 1, max: 5, text: Easy?}\n  - {id: gone, type: yes_no, text: Gone?}\n")
        try workspace.write("new.yaml", "touchpoint: 1\nid: v\nquestions:\n  - {id: ease, type: scale, min: 1, max: 7, text: Easy?}\n")
        let relaxed = try workspace.run(["validate", "new.yaml", "--against", "old.yaml"])
        #expect(relaxed.status == 0, "stderr: \(relaxed.stderr)")
        #expect(relaxed.stdout.contains("new.yaml:4:29: warning: the range of `ease` was 1 to 5 and is now 1 to 7"))
        #expect(relaxed.stdout.contains("[range-changed]"))
        #expect(relaxed.stdout.contains("question `gone` (line 5 of the earlier version) is gone"))
        #expect(try workspace.run(["validate", "new.yaml", "--against", "old.yaml", "--strict"]).status == 1)
        let missing = try workspace.run(["validate", "new.yaml", "--against", "nope.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--against nope.yaml"))
    }

    @Test func verifyPrintsItsCodesHyphenatedLikeValidate() throws {
        let workspace = try workspace()
        try workspace.write("bad.jsonl", "not json\n")
        let result = try workspace.run(["verify", "questionnaires/relationship_nps.yaml", "bad.jsonl"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("[invalid-json]"), "stdout: \(result.stdout)")
        #expect(!result.stdout.contains("invalid_json"))
    }
}
