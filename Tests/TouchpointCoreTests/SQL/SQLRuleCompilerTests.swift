import Testing
@testable import TouchpointCore

/// The SQL a `percent` rule compiles to keeps SPEC section 3's null semantics.
@Suite("SQL rule compiler")
struct SQLRuleCompilerTests {
    private func compiled(_ rule: String, dialect: SQLDialect = .duckdb) throws -> String {
        let yaml = """
            touchpoint: 1
            id: rules
            title: Rules
            meta:
              region: {type: single, options: [north, south]}
            questions:
              - {id: solved, type: yes_no, text: Solved?}
              - {id: ease, type: scale, min: 1, max: 7, required: false, text: Ease?}
              - {id: used, type: multi, options: [app, web], text: Used?}
              - {id: note, type: text, required: false, text: Note?}
              - section: per_use
                for_each: used
                questions:
                  - {id: use_sat, type: scale, min: 1, max: 5, text: "Satisfied with {item}?"}
            scores:
              rule: {method: percent, rule: "\(rule)"}
            """
        let report = Validator.validate(Array(yaml.utf8))
        let checked = try #require(report.checked)
        let expr = try #require(checked.questionnaire.scores.first?.rule?.expr)
        let schema = ResponseSchema(checked)
        let compiler = SQLRuleCompiler(fields: SQLRecordFields(schema: schema, table: checked.table, dialect: dialect), score: "rule")
        return try compiler.condition(expr)
    }

    @Test func aComparisonWithNullIsFalseNotUnknown() throws {
        #expect(try compiled("ease >= 5") == #"COALESCE(answers."ease" >= 5.0E0, FALSE)"#)
    }

    @Test func equalsNullTestsForAbsence() throws {
        #expect(try compiled("ease == null") == #"(answers."ease" IS NULL)"#)
        #expect(try compiled("null != ease") == #"(answers."ease" IS NOT NULL)"#)
    }

    @Test func aYesNoNameHoldsOnlyWhenTrue() throws {
        #expect(try compiled("not solved") == #"(NOT COALESCE(answers."solved", FALSE))"#)
    }

    @Test func membershipOfAMultiAnswerUsesTheDialectsListFunction() throws {
        #expect(try compiled("'app' in used") == #"COALESCE(list_contains(answers."used", 'app'), FALSE)"#)
        #expect(try compiled("'app' in used", dialect: .spark) == "COALESCE(array_contains(answers.`used`, 'app'), FALSE)")
    }

    @Test func divisionByZeroIsNull() throws {
        #expect(try compiled("ease / 0 > 1").contains("CASE WHEN 0.0E0 = 0 THEN NULL ELSE"))
    }

    @Test func aMetaValueIsReadFromTheMetaStruct() throws {
        #expect(try compiled("meta.region == 'north'") == #"COALESCE(meta."region" = 'north', FALSE)"#)
    }

    @Test func aRuleOverLoopAnswersCannotBeCompiledAndTheErrorSaysWhy() throws {
        #expect {
            _ = try compiled("count(use_sat) >= 1")
        } throws: { error in
            "\(error)".contains("score `rule` cannot be compiled to SQL") && "\(error)".contains("use_sat")
        }
    }

    @Test func sparkStringLiteralsEscapeBackslashes() {
        #expect(SQLDialect.spark.string(#"a\b'c"#) == #"'a\\b''c'"#)
        #expect(SQLDialect.duckdb.string(#"a\b'c"#) == #"'a\b''c'"#)
    }

    @Test func numbersAreWrittenAsDoublesThatReadBackExactly() {
        #expect(SQLDialect.duckdb.number(2.5) == "2.5E0")
        #expect(SQLDialect.duckdb.number(0.1) == "0.1E0")
        #expect(SQLDialect.spark.number(1e-5) == "1E-05")
    }
}
