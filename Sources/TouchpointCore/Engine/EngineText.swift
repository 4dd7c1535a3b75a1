import Foundation

/// The interface's own words, in English and Chinese: the one catalog of what the engine, the interview
/// session and the prompts say (commands, error messages, hints, the label of `other`, yes and no).
///
/// Questionnaire texts come from the file; these are the runner's. A language without a translation here
/// gets English. (`show`'s Markdown headings are still written beside their code in ScriptRenderer.)
public enum EngineText {
    public enum Key: String, Sendable, CaseIterable {
        case answerRequired, skipHint, notAnOption, ambiguous, wholeNumberBetween, numberBetween, wholeNumber, number
        case atLeastChoices, atMostChoices, exclusiveAlone, yesOrNo, dateFormat, dateBetween, tooShort, tooLong
        case patternMismatch, cannotSkip, noDontKnow, noRefuse, unknownCommand, atStart, softCheck, checkFailed
        case specifyOther, pressEnter, notAnsweredYet, noDuplicate
        case yes, no, other, listSeparator, chooseSeveral, aNumber
        case resuming, savedResponse, nothingToResume, savedAfter, oneAnswer, answers
        case commandBack, commandSkip, commandDontKnow, commandRefused, commandHelp, commandQuit, commandQuitUnsaved, commandsHere, commandSeparator
        case hintSkip, hintKeepEarlier, hintKeepAnswer, hintContinue, hintRequired, hintDontKnow, hintRefused, hintHelp
        case hintSeparator, hintReplace
        case ambiguousPoint, dateNoSuchMonth, dateDayZero, dateNotLeapYear, dateFebruaryDays, dateNoSuchDay, monthNames
    }

    /// Words typed to say yes, or no, at a yes/no prompt, in any interface language.
    public static let yesWords: Set<String> = ["y", "yes", "1", "true", "是", "是的", "对"]
    public static let noWords: Set<String> = ["n", "no", "2", "false", "否", "不是", "不"]
    /// Words that keep an answer a soft check asked about (Enter does too).
    public static let confirmWords: Set<String> = ["y", "yes", "ok", "是", "确认"]

    static let english: [Key: String] = [
        .answerRequired: "This question needs an answer.",
        .skipHint: "Type :skip to leave it unanswered.",
        .notAnOption: "\"{0}\" is not one of the options. Type a number from 1 to {1}, or the start of an option.",
        .ambiguous: "\"{0}\" could be {1}. Type more of it, or its number.",
        .wholeNumberBetween: "Type a whole number from {0} to {1}.",
        .numberBetween: "Type a number from {0} to {1}.",
        .wholeNumber: "Type a whole number.",
        .number: "Type a number, such as 12 or 3.5.",
        .atLeastChoices: "Choose at least {0}.",
        .atMostChoices: "Choose at most {0}.",
        .exclusiveAlone: "\"{0}\" cannot be combined with other answers.",
        .yesOrNo: "Type y for yes or n for no.",
        .dateFormat: "Type a date as YYYY-MM-DD, such as 2026-11-23.",
        .dateBetween: "Type a date from {0} to {1}.",
        .ambiguousPoint: "\"{0}\" could be {1}. Type more of the label, or its number.",
        .dateNoSuchMonth: "There is no month {0}: months run from 1 to 12. Type a date as YYYY-MM-DD.",
        .dateDayZero: "There is no day 0: days of the month start at 1.",
        .dateNotLeapYear: "{0} is not a leap year: February {0} has 28 days.",
        .dateFebruaryDays: "February has no {0}: it has 28 days, or 29 in a leap year.",
        .dateNoSuchDay: "{0} has no {1}: it has {2} days.",
        .monthNames: "January February March April May June July August September October November December",
        .tooShort: "Type at least {0} characters.",
        .tooLong: "Type at most {0} characters (this is {1}).",
        .patternMismatch: "This answer is not in the expected form.",
        .cannotSkip: "This question cannot be skipped.",
        .noDontKnow: "\"Don't know\" is not an option for this question.",
        .noRefuse: "\"Refused\" is not an option for this question.",
        .unknownCommand: "{0} is not a command. Commands: {1}.",
        .atStart: "This is the first question; there is nothing to go back to.",
        .softCheck: "{0} Press Enter to keep this answer, or type another.",
        .checkFailed: "This answer does not pass the check: {0}",
        .specifyOther: "Please specify:",
        .pressEnter: "Press Enter to continue.",
        .notAnsweredYet: "not answered",
        .noDuplicate: "\"{0}\" is listed twice.",
        .yes: "yes", .no: "no", .other: "Other", .listSeparator: ", ",
        .chooseSeveral: "(choose one or more, separated by commas or spaces)",
        .aNumber: "a number",
        .resuming: "Resuming interview {0} at question {1}.",
        .savedResponse: "Saved response {0} to {1}.",
        .nothingToResume: "Stopped before the first answer; nothing was saved.",
        .savedAfter: "Interview saved after {0}. Continue with: {1}",
        .oneAnswer: "1 answer", .answers: "{0} answers",
        .commandBack: ":back (or <) previous question", .commandSkip: ":skip leave it unanswered",
        .commandDontKnow: ":dk don't know", .commandRefused: ":rf refused", .commandHelp: "? (or :help) this help",
        .commandQuit: ":quit save and stop", .commandQuitUnsaved: ":quit stop (nothing is saved before the first answer)",
        .commandsHere: "Commands here: {0}.", .commandSeparator: ", ",
        .hintSkip: "Enter to skip", .hintKeepEarlier: "Enter keeps the earlier answer",
        .hintKeepAnswer: "Enter keeps this answer", .hintContinue: "Enter to continue", .hintRequired: "answer needed",
        .hintDontKnow: ":dk don't know", .hintRefused: ":rf refused", .hintHelp: "? help", .hintSeparator: " · ",
        .hintReplace: "typing replaces it",
    ]

    static let chinese: [Key: String] = [
        .answerRequired: "此题必须回答。",
        .skipHint: "输入 :skip 可跳过此题。",
        .notAnOption: "“{0}”不是选项之一。请输入 1 到 {1} 的编号，或选项的开头文字。",
        .ambiguous: "“{0}”可能是{1}。请多输入几个字，或输入编号。",
        .wholeNumberBetween: "请输入 {0} 到 {1} 之间的整数。",
        .numberBetween: "请输入 {0} 到 {1} 之间的数字。",
        .wholeNumber: "请输入整数。",
        .number: "请输入数字，例如 12 或 3.5。",
        .atLeastChoices: "请至少选择 {0} 项。",
        .atMostChoices: "最多只能选择 {0} 项。",
        .exclusiveAlone: "“{0}”不能与其他选项同时选择。",
        .yesOrNo: "请输入 y（是）或 n（否）。",
        .dateFormat: "请按 YYYY-MM-DD 格式输入日期，例如 2026-11-23。",
        .dateBetween: "请输入 {0} 到 {1} 之间的日期。",
        .ambiguousPoint: "“{0}”可能是{1}。请多输入几个字，或输入对应的数字。",
        .dateNoSuchMonth: "没有 {0} 月：月份为 1 到 12。请按 YYYY-MM-DD 格式输入日期。",
        .dateDayZero: "没有 0 日：日期从 1 日开始。",
        .dateNotLeapYear: "{0} 年不是闰年：{0} 年 2 月只有 28 天。",
        .dateFebruaryDays: "2 月没有 {0} 日：2 月只有 28 天，闰年 29 天。",
        .dateNoSuchDay: "{0} 月没有 {1} 日：该月只有 {2} 天。",
        .monthNames: "1 2 3 4 5 6 7 8 9 10 11 12",
        .tooShort: "请至少输入 {0} 个字符。",
        .tooLong: "最多输入 {0} 个字符（当前 {1} 个）。",
        .patternMismatch: "答案格式不正确。",
        .cannotSkip: "此题不能跳过。",
        .noDontKnow: "此题没有“不知道”选项。",
        .noRefuse: "此题没有“拒绝回答”选项。",
        .unknownCommand: "{0} 不是命令。可用命令：{1}。",
        .atStart: "这是第一题，无法返回。",
        .softCheck: "{0} 按回车保留此答案，或输入其他答案。",
        .checkFailed: "此答案未通过检查：{0}",
        .specifyOther: "请具体说明：",
        .pressEnter: "按回车继续。",
        .notAnsweredYet: "未回答",
        .noDuplicate: "“{0}”重复了。",
        .yes: "是", .no: "否", .other: "其他", .listSeparator: "、",
        .chooseSeveral: "（可多选，用逗号或空格分隔）",
        .aNumber: "数字",
        .resuming: "继续访谈 {0}，从第 {1} 题开始。",
        .savedResponse: "答卷 {0} 已保存到 {1}。",
        .nothingToResume: "在回答第一题之前停止，未保存任何内容。",
        .savedAfter: "访谈已保存（{0}）。继续请运行：{1}",
        .oneAnswer: "已答 1 题", .answers: "已答 {0} 题",
        .commandBack: ":back（或 <）上一题", .commandSkip: ":skip 跳过不答",
        .commandDontKnow: ":dk 不知道", .commandRefused: ":rf 拒绝回答", .commandHelp: "?（或 :help）本帮助",
        .commandQuit: ":quit 保存并退出", .commandQuitUnsaved: ":quit 退出（回答第一题之前不保存任何内容）",
        .commandsHere: "此题可用命令：{0}。", .commandSeparator: "，",
        .hintSkip: "回车跳过", .hintKeepEarlier: "回车保留原答案",
        .hintKeepAnswer: "回车保留此答案", .hintContinue: "回车继续", .hintRequired: "必答",
        .hintDontKnow: ":dk 不知道", .hintRefused: ":rf 拒绝回答", .hintHelp: "? 帮助", .hintSeparator: " · ",
        .hintReplace: "输入即替换",
    ]

    /// The text for `key` in `language` with `{0}`, `{1}`... replaced by `arguments`.
    public static func text(_ key: Key, _ language: String, _ arguments: String...) -> String {
        let table = language.hasPrefix("zh") ? chinese : english
        var s = table[key] ?? english[key] ?? key.rawValue
        for (i, a) in arguments.enumerated() { s = s.replacingOccurrences(of: "{\(i)}", with: a) }
        return s
    }
}
