#!/usr/bin/env python3
"""Writes cases.tsv: JSON documents every RFC 8259 parser must accept (y) or reject (n).

The classes follow JSONTestSuite's y_ and n_ cases (github.com/nst/JSONTestSuite, test_parsing/), written afresh
here: structure, numbers, strings and escapes, UTF-8, whitespace. Implementation-defined cases (i_: huge numbers,
BOMs, very deep nesting) are left out. Each line: y or n, a name, the document's bytes in hex.
Run: python3 make_cases.py > cases.tsv
"""
import json

Y = {
    # structure
    "array_empty": b"[]", "array_spaces": b"[ [ ]  ]", "array_empty_string": b'[""]', "array_false": b"[false]",
    "array_mixed": b'[null, 1, "1", {}, [], true, -2.5e3]', "array_nulls": b"[null,null, null]",
    "array_newline_end": b'["x"\n]', "array_leading_space": b" [2]", "array_trailing_space": b"[7] ",
    "array_with_newlines": b"[\n9\n]", "object_empty": b"{}", "object_simple": b'{"k":[]}',
    "object_two": b'{"a":"b","c":"d"}', "object_duplicate_key": b'{"k":1,"k":2}', "object_duplicate_same": b'{"k":1,"k":1}',
    "object_empty_key": b'{"":0}', "object_nul_escape_key": b'{"x\\u0000y":"z"}', "object_newlines": b'{\n"k"\n:\n"v"\n}',
    "object_nested": b'{"a":{"b":{"c":[{"d":[]}]}}}', "object_long_string": b'{"k":"' + b"x" * 5000 + b'"}',
    "lonely_true": b"true", "lonely_false": b"false", "lonely_null": b"null", "lonely_int": b"42",
    "lonely_negative_real": b"-0.25", "lonely_string": b'"s"', "lonely_empty_string": b'""',
    "trailing_newline": b'["t"]\n', "whitespace_all": b" \t\r\n[ \t\r\n1 \t\r\n] \t\r\n", "true_in_array": b"[true]",
    # numbers
    "number_zero_exp": b"[0e+1]", "number_zero_e": b"[0e1]", "number_after_space": b"[ 3]", "number_tiny": b"[-0.000000000000000000000000000000000001]",
    "number_int_exp": b"[20e1]", "number_minus_zero": b"[-0]", "number_negative_int": b"[-55]", "number_negative_one": b"[-1]",
    "number_negative_zero_real": b"[-0.0]", "number_capital_E": b"[1E22]", "number_capital_E_neg": b"[1E-2]",
    "number_capital_E_pos": b"[1E+2]", "number_exponent": b"[123e45]", "number_fraction_exponent": b"[123.456e78]",
    "number_neg_exp": b"[1e-2]", "number_pos_exp": b"[1e+2]", "number_simple_int": b"[123]", "number_simple_real": b"[123.456789]",
    "number_extremes": b'{"min":-1.0e+28,"max":1.0e+28}', "number_max_safe": b"[9007199254740993]",
    # strings
    "string_123_bytes": "[\"\u0060\u012a\u12ab\"]".encode(), "string_surrogate_pair": b'["\\uD801\\udc37"]',
    "string_surrogate_pairs": b'["\\ud83d\\ude39\\ud83d\\udc8d"]', "string_allowed_escapes": b'["\\"\\\\\\/\\b\\f\\n\\r\\t"]',
    "string_escaped_zero": b'["\\\\u0000"]', "string_escaped_quotes": b'["\\""]', "string_comment_like": b'["a/*b*/c/*d//e"]',
    "string_double_escape_a": b'["\\\\a"]', "string_double_escape_n": b'["\\\\n"]', "string_escaped_control": b'["\\u0012"]',
    "string_escaped_noncharacter": b'["\\uFFFF"]', "string_in_array": b'["asd"]', "string_in_array_space": b'[ "asd"]',
    "string_last_surrogates": b'["\\uDBFF\\uDFFF"]', "string_nbsp": b'["new\\u00A0line"]', "string_U10FFFF": '["\U0010ffff"]'.encode(),
    "string_UFFFF": '["\uffff"]'.encode(), "string_null_escape": b'["\\u0000"]', "string_one_byte": b'["\\u002c"]',
    "string_pi": '["\u03c0"]'.encode(), "string_U1BFFF": '["\U0001bfff"]'.encode(), "string_ascii": b'["abcXYZ 0-9"]',
    "string_space": b'" "', "string_clef": b'["\\uD834\\uDd1e"]', "string_three_byte": b'["\\u0821"]',
    "string_two_byte": b'["\\u0123"]', "string_u2028": b'["\\u2028"]', "string_u2029": b'["\\u2029"]',
    "string_uEscape": b'["\\u0061\\u30af\\u30EA\\u30b9"]', "string_uescaped_newline": b'["new\\u000Aline"]',
    "string_unescaped_delete": b'["\x7f"]', "string_unicode": b'["\\uA66D"]', "string_unicode_escaped_backslash": b'["\\u005C"]',
    "string_unicode_2": '["\u2342\u3234\u2342"]'.encode(), "string_U10FFFE": b'["\\uDBFF\\uDFFE"]', "string_U1FFFE": b'["\\uD83F\\uDFFE"]',
    "string_U200B": b'["\\u200B"]', "string_U2064": b'["\\u2064"]', "string_UFDD0": b'["\\uFDD0"]', "string_UFFFE": b'["\\uFFFE"]',
    "string_escaped_double_quote_u": b'["\\u0022"]', "string_utf8": '["\u20ac\U0001d11e"]'.encode(), "string_chinese": '{"k":"中文"}'.encode(),
    "string_escape_after_utf8": '{"k":"é\\"中"}'.encode(), "string_utf8_after_escape": '{"k":"\\n😀"}'.encode(),
}

N = {
    # structure
    "array_no_comma": b"[1 true]", "array_bad_utf8_element": b"[\xe5]", "array_colon": b'["": 1]', "array_comma_after_close": b'[""],',
    "array_comma_number": b"[,1]", "array_double_comma": b"[1,,2]", "array_double_extra_comma": b'["x",,]', "array_extra_close": b'["x"]]',
    "array_extra_comma": b'["",]', "array_incomplete": b'["x"', "array_incomplete_value": b"[x", "array_inner_no_comma": b"[3[4]]",
    "array_invalid_utf8": b"[\xff]", "array_semicolon": b"[1;2]", "array_just_comma": b"[,]", "array_just_minus": b"[-]",
    "array_missing_value": b'[   , ""]', "array_newlines_unclosed": b'["a",\n4\n,1,', "array_number_comma": b"[1,]",
    "array_number_commas": b"[1,,]", "array_vertical_tab": b'[\x0b"a"\x0b]', "array_star": b"[*]", "array_unclosed": b'[""',
    "array_unclosed_comma": b"[1,", "array_unclosed_newlines": b"[1,\n1\n,1", "array_unclosed_object": b"[{}",
    "incomplete_false": b"[fals]", "incomplete_null": b"[nul]", "incomplete_true": b"[tru]",
    "object_bad_value": b'["x", truth]', "object_bracket_key": b"{[: \"x\"}", "object_comma_for_colon": b'{"x", null}',
    "object_double_colon": b'{"x"::"b"}', "object_emoji": '{🇨🇭}'.encode(), "object_garbage_end": b'{"a":"a" 123}',
    "object_single_quoted_key": b"{'a':0}", "object_continuation_key": b'{"\xb9":"0",}', "object_missing_colon": b'{"a" b}',
    "object_missing_key": b'{:"b"}', "object_missing_semicolon": b'{"a" "b"}', "object_missing_value": b'{"a":',
    "object_no_colon": b'{"a"', "object_non_string_key": b"{1:1}", "object_huge_number_key": b"{9999E9999:1}",
    "object_null_null": b"{null:null,null:null}", "object_trailing_commas": b'{"id":0,,,,,}', "object_single_quote_value": b"{'a'}",
    "object_trailing_comma": b'{"id":0,}', "object_comment": b'{"a":"b"}/**/', "object_comment_open": b'{"a":"b"}/**//',
    "object_slash_open": b'{"a":"b"}//', "object_slash_incomplete": b'{"a":"b"}/', "object_two_commas": b'{"a":"b",,"c":"d"}',
    "object_unquoted_key": b'{a: "b"}', "object_unterminated_value": b'{"a":"a', "object_single_string": b'{ "foo" : "bar", "a" }',
    "object_trailing_garbage": b'{"a":"b"}#',
    "single_space": b" ", "no_data": b"", "lone_open_bracket": b"[", "lone_close": b"]", "open_open": b'["\\{["\\{["\\{["\\{',
    "deep_unclosed": b"[" * 100000, "angle_dot": b"<.>", "angle_null": b"[<null>]", "array_trailing_garbage": b"[1]x",
    "array_extra_array_close": b"[1]]", "array_unclosed_string": b'["asd]', "ascii_unicode_identifier": "aå".encode(),
    "capitalized_True": b"[True]", "close_unopened": b"1]", "comma_for_brace": b'{"x": true,', "double_array": b"[][]",
    "end_array": b"]", "incomplete_bom": b"\xef\xbb{}", "bom_no_data": b"\xef\xbb\xbf", "lone_invalid_utf8": b"\xe5",
    "null_byte_outside": b"[\x00]", "number_trailing_garbage": b"2@", "object_closing_object": b"{}}",
    "object_unclosed_no_value": b'{"":', "object_with_comment": b'{"a":/*comment*/"b"}', "object_trailing_hash": b'{"a": true} "x"',
    "open_array_apostrophe": b"['", "open_array_comma": b"[,", "open_array_object": b'[{"":[{"":[{"":',
    "open_array_open_object": b"[{", "open_array_open_string": b'["a', "open_array_string": b'["a"', "open_object": b"{",
    "open_object_close_array": b"{]", "open_object_comma": b"{,", "open_object_open_array": b"{[", "open_object_open_string": b'{"a',
    "open_object_apostrophes": b"{'a'", "single_eacute": b"\xe9", "single_star": b"*", "trailing_hash": b'{"a":"b"}#{}',
    "uescaped_lf_before_string": b'[\\u000A""]', "unclosed_partial_null": b"[ false, nul", "unclosed_false": b"[ true, fals",
    "unclosed_true": b"[ false, tru", "unclosed_object": b'{"asd":"asd"', "unicode_identifier": "å".encode(),
    "word_joiner": '[\u2060]'.encode(), "whitespace_word_joiner": '[\u2060]'.encode(), "whitespace_formfeed": b"[\x0c]",
    # numbers
    "number_plus_plus": b"[++1234]", "number_plus": b"[+1]", "number_plus_inf": b"[+Inf]", "number_minus_leading_zero": b"[-01]",
    "number_trailing_dot": b"[-1.0.]", "number_minus_dot": b"[-2.]", "number_minus_nan": b"[-NaN]", "number_dot_minus": b"[.-1]",
    "number_dot_first": b"[.2e-3]", "number_two_dots": b"[0.1.2]", "number_e_plus_end": b"[0.3e+]", "number_e_end": b"[0.3e]",
    "number_dot_e": b"[0.e1]", "number_capital_E_plus_end": b"[0E+]", "number_capital_E_end": b"[0E]", "number_0e_plus": b"[0e+]",
    "number_0e": b"[0e]", "number_1_0e_plus": b"[1.0e+]", "number_1_0e_minus": b"[1.0e-]", "number_1_0e": b"[1.0e]",
    "number_underscore": b"[1 000.0]", "number_eE": b"[1eE2]", "number_2_dot_e_plus": b"[2.e+3]", "number_2_dot_e_minus": b"[2.e-3]",
    "number_2_dot_e": b"[2.e3]", "number_9_dot_e_plus": b"[9.e+]", "number_Inf": b"[Inf]", "number_NaN": b"[NaN]",
    "number_fullwidth": '[\uff11]'.encode(), "number_expression": b"[1+2]", "number_hex1": b"[0x1]", "number_hex2": b"[0x42]",
    "number_infinity": b"[Infinity]", "number_plus_minus": b"[0e+-1]", "number_negative_real_bad": b"[-123.123foo]",
    "number_bad_utf8_int": b"[123\xe5]", "number_bad_utf8_exp": b"[1e1\xe5]", "number_bad_utf8_start": b"[0\xe5]",
    "number_minus_infinity": b"[-Infinity]", "number_minus_garbage": b"[-foo]", "number_minus_space": b"[- 1]",
    "number_neg_leading_zero": b"[-012]", "number_neg_no_int": b"[-.123]", "number_neg_garbage": b"[-1x]",
    "number_e_garbage": b"[1ea]", "number_e_bad_utf8": b"[1e\xe5]", "number_no_fraction": b"[1.]", "number_starts_dot": b"[.123]",
    "number_alpha": b"[1.2a-3]", "number_alpha_char": b"[1.8011670033376514H-308]", "number_leading_zero": b"[012]",
    "number_then_00": b"123\x00",
    # strings
    "string_surrogate_then_escape": b'["\\uD800\\"]', "string_surrogate_then_u": b'["\\uD800\\u"]', "string_surrogate_then_u1": b'["\\uD800\\u1"]',
    "string_surrogate_then_u1x": b'["\\uD800\\u1x"]', "string_accent_no_quotes": "[é]".encode(), "string_backslash_00": b'["\\\x00"]',
    "string_escape_x": b'["\\x00"]', "string_escaped_backslash_bad": b'["\\\\\\"]', "string_escaped_tab": b'["\\\t"]',
    "string_escaped_emoji": '["\\🌀"]'.encode(), "string_incomplete_escape": b'["\\"]', "string_incomplete_escaped_char": b'["\\u00A"]',
    "string_incomplete_surrogate": b'["\\uD834\\uDd"]', "string_incomplete_surrogate_bad": b'["\\uD800\\uD800\\x"]',
    "string_bad_utf8_in_escape": b'["\\u\xe5"]', "string_invalid_backslash": b'["\\a"]', "string_invalid_unicode_escape": b'["\\uqqqq"]',
    "string_bad_utf8_after_escape": b'["\\\xe5"]', "string_leading_uescaped_thinspace": b'[\\u0020"asd"]',
    "string_no_quotes_bad_escape": b"[\\n]", "string_single_doublequote": b'"', "string_single_quote": b"['single quote']",
    "string_no_double_quotes": b"abc", "string_start_escape_unclosed": b'["\\', "string_unescaped_ctrl": b'["a\x00a"]',
    "string_unescaped_newline": b'["new\nline"]', "string_unescaped_tab": b'["\t"]', "string_capital_U": b'"\\UA66D"',
    "string_trailing_garbage": b'""x',
    # UTF-8 in strings, each side of escapes (issue 13)
    "utf8_lone_continuation": b'["\x80"]', "utf8_overlong": b'["\xc0\xaf"]', "utf8_surrogate_encoded": b'["\xed\xa0\x80"]',
    "utf8_above_10ffff": b'["\xf4\x90\x80\x80"]', "utf8_truncated": b'["\xe4\xb8"]', "utf8_fc_before_escape": b'{"":"\xfc\\""}',
    "utf8_fd_between_escapes": b'{"k":"\\n\xfd\\t"}', "utf8_split_by_escape": b'{"k":"\xc3\\n\xa9"}', "utf8_bad_key": b'{"\xfe\\n":1}',
    "utf8_bad_after_long_ascii": b'{"k":"' + b"a" * 40 + b"\xff" + b'\\""}',
}

for kind, cases in (("y", Y), ("n", N)):
    for name, doc in cases.items():
        if kind == "y":
            json.loads(doc.decode("utf-8"))  # every accept case is valid to Python's json too
        print(f"{kind}\t{name}\t{doc.hex()}")
