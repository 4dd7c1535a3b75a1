import Foundation
import Testing
import TouchpointCore
import TouchpointReport

/// Makes Fixtures/customer_journey.jsonl: 400 seeded customer-journey responses over six months, in which
/// success, effort and emotion at each stage and the NPS all follow one latent satisfaction, so that the
/// report's drivers, trend and segments have something to show. Fixed ids and times; the same every run.
///
/// Re-make it with `TOUCHPOINT_RECORD_FIXTURE=1 swift test --filter JourneyFixtureTests` (then re-record the
/// goldens). Answers follow the questionnaire's rules, and one detractor's reason holds markup, to show it is
/// escaped.
struct JourneyFixture {
    /// A small deterministic generator (SplitMix64), so the fixture never depends on the platform's random numbers.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
        mutating func normal() -> Double {
            let u = max(uniform(), 1e-12), v = uniform()
            return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
        mutating func chance(_ p: Double) -> Bool { uniform() < p }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    static let stages = ["awareness", "understanding", "acquisition", "use", "feedback"]
    static let stageChance = [0.55, 0.6, 0.8, 0.75, 0.4]
    static let stageEffect = [0.35, -0.25, 0.15, 0.05, -0.7]
    static let reasonsEN = [
        "Delivery took three weeks and nobody answered my emails.",
        "The website kept logging me out during checkout.",
        "Support was friendly but could not solve the problem.",
        "Prices went up without any notice.",
        "I had to call four times to change my address.",
        "The app is slow & confusing; <script>alert(\"hi\")</script> is what I'd call it.",
    ]
    static let reasonsZH = [
        "送货用了三个星期，邮件也没人回复。",
        "结账时网站总是把我登出。",
        "客服态度很好，但问题没有解决。",
        "涨价前没有任何通知。",
        "改地址打了四次电话。",
    ]

    static func lines(count: Int = 400, seed: UInt64 = 10, sha: String) -> String {
        var random = Random(state: seed)
        var out = ""
        let start = 1_780_272_000.0  // 2026-06-01T00:00:00Z
        let span = 183.0 * 86_400
        var reasonIndex = 0
        for index in 1...count {
            let completed = start + span * Double(index - 1) / Double(count) + random.uniform() * 3_600
            let started = completed - 60 - random.uniform() * 240
            let month = (completed - start) / (30.5 * 86_400)
            let segment = random.uniform() < 0.3 ? "new" : (random.uniform() < 0.7 ? "regular" : "high_value")
            let language = random.chance(0.3) ? "zh" : "en"
            let store = random.pick(["Shanghai Nanjing Road", "Beijing Sanlitun", "Guangzhou Tianhe", "Online"])
            var answers = JSONObject()
            var missing = JSONObject()
            var computed = JSONObject()
            var path: [JSONValue] = ["customer_12m"]
            let customer = random.chance(0.9)
            answers["customer_12m"] = .bool(customer)
            var status = "complete"
            if !customer {
                status = "screened_out"
            } else {
                let shift = segment == "high_value" ? 0.35 : (segment == "new" ? -0.3 : 0)
                let latent = random.normal() + shift + 0.12 * (month - 3)
                path.append("purchases")
                var purchases: Int?
                if random.chance(0.06) {
                    missing["purchases"] = "dont_know"
                } else {
                    purchases = random.chance(0.08) ? 0 : 1 + Int(random.uniform() * 12)
                    answers["purchases"] = .number(Double(purchases ?? 0))
                }
                var chosen: [String] = []
                for (s, stage) in stages.enumerated() where random.chance(stageChance[s]) {
                    if stage == "acquisition", purchases == 0 { continue }
                    chosen.append(stage)
                }
                if chosen.isEmpty { chosen = ["use"] }
                answers["stages"] = .array(chosen.map { .string($0) })
                path.append("stages")
                var success = JSONObject(), effort = JSONObject(), emotion = JSONObject()
                var successMissing = JSONObject()
                var efforts: [Double] = [], emotions: [Double] = []
                for stage in chosen {
                    let s = stages.firstIndex(of: stage) ?? 0
                    let quality = latent + stageEffect[s] + 0.6 * random.normal()
                    if random.chance(0.04) {
                        successMissing[stage] = "dont_know"
                    } else {
                        success[stage] = .bool(random.chance(1 / (1 + exp(-(1.1 + 1.6 * quality)))))
                    }
                    let e = min(max((4.6 + 1.25 * quality + 0.7 * random.normal()).rounded(), 1), 7)
                    let m = min(max((3.3 + 0.85 * quality + 0.5 * random.normal()).rounded(), 1), 5)
                    effort[stage] = .number(e)
                    emotion[stage] = .number(m)
                    efforts.append(e)
                    emotions.append(m)
                    path += [.string("stage_success[\(stage)]"), .string("stage_effort[\(stage)]"), .string("stage_emotion[\(stage)]")]
                }
                answers["stage_success"] = .object(success)
                if !successMissing.isEmpty { missing["stage_success"] = .object(successMissing) }
                answers["stage_effort"] = .object(effort)
                answers["stage_emotion"] = .object(emotion)
                let needMet = random.chance(1 / (1 + exp(-(0.7 + 1.7 * latent))))
                answers["need_met"] = .bool(needMet)
                let recommend = Int(min(max((7.1 + 1.9 * latent + 1.1 * random.normal()).rounded(), 0), 10))
                answers["recommend"] = .number(Double(recommend))
                path += ["need_met", "recommend"]
                if recommend <= 6 {
                    path.append("reason")
                    if random.chance(0.75) {
                        let pool = language == "zh" ? reasonsZH : reasonsEN
                        answers["reason"] = .string(pool[reasonIndex % pool.count])
                        reasonIndex += 1
                    } else {
                        missing["reason"] = "skipped"
                    }
                }
                computed["promoter"] = .bool(recommend >= 9)
                computed["mean_effort"] = .number(efforts.reduce(0, +) / Double(efforts.count))
                computed["mean_emotion"] = .number(emotions.reduce(0, +) / Double(emotions.count))
            }
            let record: JSONValue = [
                "questionnaire": "customer_journey", "version": "2026.11", "questionnaire_sha256": .string(sha),
                "response_id": .string("journey-\(index)"), "status": .string(status), "respondent": .string("R\(index)"),
                "interviewer": nil, "mode": "headless", "language": .string(language),
                "started_at": .string(Timestamp.rfc3339(Date(timeIntervalSince1970: started.rounded()))),
                "completed_at": .string(Timestamp.rfc3339(Date(timeIntervalSince1970: completed.rounded()))),
                "meta": ["segment": .string(segment), "store": .string(store)],
                "answers": .object(answers), "missing": .object(missing), "computed": .object(computed),
                "path": .array(path), "durations_ms": [:], "option_order": [:], "warnings": [],
            ]
            out += JSONWriter().string(record) + "\n"
        }
        return out
    }
}

@Suite("The report's seeded fixture")
struct JourneyFixtureTests {
    @Test func theCommittedFixtureIsWhatTheGeneratorMakes() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: ReportFixtures.journeyFile)))
        let made = JourneyFixture.lines(sha: SHA256.hex(bytes))
        if ProcessInfo.processInfo.environment["TOUCHPOINT_RECORD_FIXTURE"] == "1" {
            try Data(made.utf8).write(to: URL(fileURLWithPath: ReportFixtures.journeyResponses))
        }
        let committed = try String(contentsOfFile: ReportFixtures.journeyResponses, encoding: .utf8)
        #expect(committed == made)
    }

    @Test func everyFixtureLineIsScored() throws {
        let (data, rejections) = try ReportFixtures.data([.file(ReportFixtures.journeyResponses)], options: ReportOptions())
        #expect(rejections.isEmpty, "\(rejections.prefix(3))")
        #expect(data.scores.responses.scored == 400)
    }
}
