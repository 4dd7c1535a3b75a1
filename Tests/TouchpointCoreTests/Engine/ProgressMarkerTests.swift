import Testing
import TouchpointCore

/// The progress marker: answered prompts over those plus the longest path still ahead, never going backwards,
/// full only at the end (issue 8, item 3).
@Suite("progress marker")
struct ProgressMarkerTests {
    static let yaml = """
    touchpoint: 1
    id: loops
    questions:
      - {id: intro, type: note, text: Hello}
      - id: used
        type: multi
        text: Used?
        options: [{value: a, label: Alpha}, {value: b, label: Beta}, {value: c, label: Gamma}, {value: none, label: None, exclusive: true}]
      - section: each
        for_each: used
        when: "not ('none' in used)"
        questions:
          - {id: sat, type: scale, min: 1, max: 5, text: "Satisfied with {item}?"}
          - {id: why, type: text, required: false, when: sat <= 2, text: Why?}
      - {id: overall, type: nps, text: Recommend?}
      - end: screened_out
        when: overall < 3
      - {id: last, type: yes_no, text: May we contact you?}
    """

    func start() throws -> Interview {
        let report = Validator.validate(Array(Self.yaml.utf8))
        #expect(!report.hasErrors, "\(report.diagnostics)")
        return Interview(try #require(report.checked), seed: 1)
    }

    @Test func theFractionIsAnsweredOverAnsweredPlusTheLongestPathLeftWithLoopsCountedByTheirItems() throws {
        var i = try start()
        // intro, used, three rounds of sat and why (the loop question could have three items), overall, last.
        #expect(i.prompt?.progress == 0)
        #expect(i.submit("") == .accepted)
        #expect(i.prompt?.progress == 1.0 / 10)
        // Two items chosen: the loop now has two rounds.
        #expect(i.submit("alpha, beta") == .accepted)
        #expect(i.prompt?.key.description == "sat[a]")
        #expect(i.prompt?.progress == 2.0 / 8)
        // `why` is not asked after a 4: the round ends early.
        #expect(i.submit("4") == .accepted)
        #expect(i.prompt?.key.description == "sat[b]")
        #expect(i.prompt?.progress == 3.0 / 7)
        #expect(i.submit("1") == .accepted)
        #expect(i.prompt?.key.description == "why[b]")
        #expect(i.prompt?.progress == 4.0 / 7)
        #expect(i.submit("slow") == .accepted)
        #expect(i.prompt?.progress == 5.0 / 7)
        #expect(i.submit("9") == .accepted)
        #expect(i.prompt?.progress == 6.0 / 7)
        #expect(i.progressFraction < 1)
        #expect(i.submit("y") == .accepted)
        #expect(i.isFinished)
        #expect(i.progressFraction == 1)
    }

    @Test func theMarkerNeverGoesBackwardsInLoopsOrAfterGoingBack() throws {
        var i = try start()
        var shown: [Double] = []
        for line in ["", "alpha, beta, gamma", "1", "too slow", "5", "2", ":back", ":back", "2", "", "3", "10", ":back", "10", "n"] {
            if let p = i.prompt { shown.append(p.progress) }
            _ = i.submit(line)
        }
        #expect(i.isFinished)
        #expect(shown == shown.sorted(), "the marker went backwards: \(shown)")
        #expect(shown.allSatisfy { $0 < 1 })
        #expect(i.progressFraction == 1)
    }

    @Test func aScreenOutEndsTheInterviewAtAFullMarker() throws {
        var i = try start()
        for line in ["", "none", "1"] { #expect(i.submit(line) == .accepted) }
        guard case .finished(.screenedOut, _) = i.state else { Issue.record("not screened out: \(i.state)"); return }
        #expect(i.progressFraction == 1)
    }

    @Test func aMarkerKeepsItsHighestFraction() {
        var marker = ProgressMarker()
        #expect(marker.advance(answered: 0, remaining: 4) == 0)
        #expect(marker.advance(answered: 2, remaining: 2) == 0.5)
        #expect(marker.advance(answered: 1, remaining: 3) == 0.5)
        #expect(marker.advance(answered: 3, remaining: 0) == 0.75, "the current prompt always counts as one left")
        marker.finish()
        #expect(marker.fraction == 1)
    }
}
