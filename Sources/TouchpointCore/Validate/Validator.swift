/// Checks questionnaire files: parse, names and types, structure, flow and effort (SPEC section 7).
///
/// The validator never prints and never stops at the first problem: it returns every finding with its code,
/// severity and position, sorted by position.
public enum Validator {
    /// Everything `validate` learns about one file.
    public struct Report: Sendable {
        public var questionnaire: Questionnaire?
        public var diagnostics: [Diagnostic]
        public var effort: EffortEstimate?
        public var table: SymbolTable?
        /// The checked questionnaire every command works from: present only when there are no errors.
        public var checked: CheckedQuestionnaire?

        public init(questionnaire: Questionnaire?, diagnostics: [Diagnostic], effort: EffortEstimate?, table: SymbolTable?,
                    checked: CheckedQuestionnaire? = nil) {
            self.questionnaire = questionnaire
            self.diagnostics = diagnostics
            self.effort = effort
            self.table = table
            self.checked = checked
        }

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
        public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    }

    /// From this many items on, the checked questionnaire's parts are worked out on another core.
    static let backgroundItems = 200

    /// Rules that look at the whole questionnaire once names are known, run in this order.
    static var rules: [any ValidationRule.Type] {
        [OptionRule.self, RangeRule.self, TranslationRule.self, ScoreRule.self, TestCaseRule.self, TestAnswerRule.self, QuotaRule.self, ReachabilityRule.self,
         QuotaFillRule.self]
    }

    /// The first of `rules`, which read neither the symbol table nor the findings so far.
    static var namelessRules: [any ValidationRule.Type] { [OptionRule.self, RangeRule.self, TranslationRule.self] }

    /// Validates the bytes of a questionnaire file. `runTests` also runs its in-file tests (`test-failed`).
    /// The report's `checked` questionnaire is there only when no error was found.
    ///
    /// `analyseFlow: false` skips the checks that can only produce warnings (reachability, always-true
    /// conditions, effort and budget): `run` uses it to reach the first question sooner.
    ///
    /// `keepsChecked: false` is for a caller that wants only the findings (`validate`): the checked questionnaire
    /// (answer rules, compiled expressions, the walk's plan) is then made only to run in-file tests, and the
    /// report's `checked` is nil. The findings are the same either way: making it finds nothing.
    public static func validate(_ bytes: [UInt8], fileSize: Int? = nil, limits: YAMLLimits = .standard, analyseFlow: Bool = true,
                                runTests: (@Sendable (CheckedQuestionnaire) -> [Diagnostic])? = nil,
                                keepsChecked: Bool = true) -> Report {
        validate(bytes, fileSize: fileSize, limits: limits, analyseFlow: analyseFlow, runTests: runTests, concurrent: nil,
                 keepsChecked: keepsChecked)
    }

    /// `validate`, with the work on other cores forced on or off (`concurrent`), or chosen by the file's size (nil):
    /// tests check that both give the same report.
    static func validate(_ bytes: [UInt8], fileSize: Int? = nil, limits: YAMLLimits = .standard, analyseFlow: Bool = true,
                         runTests: (@Sendable (CheckedQuestionnaire) -> [Diagnostic])? = nil, concurrent: Bool?,
                         keepsChecked: Bool = true) -> Report {
        let parsed = QuestionnaireParser.parse(bytes, fileSize: fileSize, limits: limits, parallel: concurrent)
        var bag = DiagnosticBag()
        bag.append(contentsOf: parsed.diagnostics)
        guard let q = parsed.questionnaire else {
            return Report(questionnaire: nil, diagnostics: bag.sorted, effort: nil, table: nil)
        }
        let flow = FlowItem.flatten(q.items)
        let needsChecked = keepsChecked || (runTests != nil && !q.tests.isEmpty)
        // The checked questionnaire's parts need only the items: on a large file they are worked out on another
        // core while the names are checked, and thrown away if an error turns up.
        let background = concurrent ?? (flow.count >= backgroundItems)
        let derived = background && needsChecked ? BackgroundWork { CheckedQuestionnaire.Derived(questionnaire: q, flow: flow) } : nil
        // The first rules read no names (`namelessRules`): on a large file they run on another core while the names
        // are defined and checked, and their findings are added where they stand in `rules`.
        let nameless = background ? BackgroundWork { () -> [Diagnostic] in
            let context = ValidationContext(questionnaire: q, flow: flow, table: SymbolTable())
            var found = DiagnosticBag()
            for rule in namelessRules { rule.check(context, into: &found) }
            return found.items
        } : nil
        // The expressions are compiled against the names' slots, and the walk's plan made from them: on a large file
        // that happens on another core as soon as every name is defined without an error, while the uses of the
        // names are checked and the rules run (compiling reads only the definitions). It is thrown away if an
        // error turns up later.
        var compiling: BackgroundWork<(CompiledExpressions, FlowPlan?)>?
        let (table, nameProblems) = NameAnalysis.run(q, flow: flow, concurrent: concurrent) { definedTable, defineErrors in
            guard background, needsChecked, !defineErrors, !bag.hasErrors else { return }
            compiling = BackgroundWork { () -> (CompiledExpressions, FlowPlan?) in
                let compiled = CompiledExpressions(flow: flow, table: definedTable, quotas: q.quotas)
                return (compiled, derived.map { FlowPlan(q.items, compiled: compiled, order: $0.wait().order) })
            }
        }
        bag.append(contentsOf: nameProblems)
        if bag.hasErrors { compiling = nil }
        let context = ValidationContext(questionnaire: q, flow: flow, table: table)
        // The reachability analysis reads only the context: on a large file it runs on another core beside the other
        // rules, while this thread works out the effort over all paths once those rules are done (the two take about
        // as long). Its findings are added where the reachability rule stands in `rules`, as when it ran there.
        let flowWork = analyseFlow && background ? BackgroundWork { () -> [Diagnostic] in
            var found = DiagnosticBag()
            ReachabilityRule.check(context, into: &found)
            return found.items
        } : nil
        var effort: EffortEstimate?
        for rule in rules {
            if let nameless, namelessRules.contains(where: { $0 == rule }) {
                if rule == namelessRules[0] { bag.append(contentsOf: nameless.wait()) }
            } else if rule == ReachabilityRule.self {
                if let flowWork {
                    effort = EffortEstimate.estimate(q, table: table)
                    bag.append(contentsOf: flowWork.wait())
                } else if analyseFlow {
                    rule.check(context, into: &bag)
                }
            } else if analyseFlow || rule != QuotaFillRule.self {
                rule.check(context, into: &bag)
            }
        }
        if analyseFlow, effort == nil { effort = EffortEstimate.estimate(q, table: table) }
        if let effort { BudgetRule.check(q, effort: effort, into: &bag) }
        guard !bag.hasErrors, needsChecked else {
            return Report(questionnaire: q, diagnostics: bag.sorted, effort: effort, table: table)
        }
        let checked = CheckedQuestionnaire(questionnaire: q, table: table, flow: flow, effort: effort, derived: derived?.wait(),
                                           compiled: compiling?.wait().0, plan: compiling?.wait().1)
        if let runTests { bag.append(contentsOf: runTests(checked)) }
        let clean = !bag.hasErrors
        return Report(questionnaire: q, diagnostics: bag.sorted, effort: effort, table: table, checked: clean ? checked : nil)
    }

    /// The checked questionnaire of `bytes`, or the report that says why there is none.
    public static func check(_ bytes: [UInt8], analyseFlow: Bool = true) -> Result<CheckedQuestionnaire, ReportError> {
        let report = validate(bytes, analyseFlow: analyseFlow)
        if let checked = report.checked { return .success(checked) }
        return .failure(ReportError(report: report))
    }

    /// A questionnaire with errors, as an error value.
    public struct ReportError: Error, Sendable {
        public var report: Report
    }
}
