#!/usr/bin/env python3
"""Generate the benchmark questionnaire twice: as touchpoint YAML and as an XLSForm (Markdown tables).

Both files describe the same form: the same questions in the same order, the same option lists, the
same conditions (`when:` / `relevant`), the same checks (`checks:` / `constraint`), the same piped
texts and the same sections (sections / groups). The output is a pure function of N and the seed, so
every run of the benchmark measures the same bytes.

Usage: gen_questionnaire.py [--questions N] [--seed S] [--out DIR]
writes DIR/form<N>.yaml and DIR/form<N>.md and prints a one-line summary.

Only the standard library is used, so the script runs under any python3.
"""

import argparse
import json
import os
import random
import sys

SECTION_SIZE = 100

TOPICS = [
    "checkout", "delivery", "staff", "mobile app", "website", "phone support", "store layout",
    "opening hours", "prices", "product range", "returns process", "loyalty programme",
    "waiting time", "parking", "cleanliness", "invoice", "installation", "onboarding",
    "contract terms", "chat assistant", "email updates", "packaging", "repair service", "billing",
]
OPTION_WORDS = [
    "Price", "Quality", "Speed", "Friendly staff", "Choice", "Location", "Parking", "Opening hours",
    "Cleanliness", "Website", "Mobile app", "Phone line", "Recommendation", "Advertising", "Habit",
    "Loyalty points", "Delivery options", "Brand", "Reviews", "Sustainability",
]
SCALE_STEMS = [
    "How satisfied were you with the {t}?",
    "How easy was it to deal with the {t}?",
    "How would you rate the {t} overall?",
    "How well did the {t} meet your needs?",
]
SINGLE_STEMS = [
    "What mattered most about the {t}?",
    "Which best describes your experience with the {t}?",
    "What was the main reason for using the {t}?",
]
MULTI_STEMS = [
    "Which of these did you notice about the {t}?",
    "What would you improve in the {t}?",
    "Which of these influenced your view of the {t}?",
]
NUMBER_STEMS = [
    ("How many minutes did the {t} take?", "minutes"),
    ("How many times did you use the {t} this year?", "times"),
    ("How much did you spend on the {t}, in euros?", "EUR"),
]
TEXT_STEMS = [
    "Anything else you want to tell us about the {t}?",
    "In your own words, what should we change about the {t}?",
    "Describe your last contact with the {t}.",
]
YES_NO_STEMS = [
    "Did the {t} work as expected?",
    "Have you used the {t} before?",
    "Would you use the {t} again?",
]
DATE_STEMS = [
    "When did you last use the {t}?",
    "When did you first contact us about the {t}?",
]
SECTION_TITLES = ["Awareness", "Understanding", "Acquisition", "Use", "Support", "Feedback", "Loyalty"]

# Question type mix, by weight.
TYPE_WEIGHTS = [
    ("scale", 24), ("single", 18), ("multi", 12), ("yes_no", 12), ("nps", 6),
    ("number", 10), ("text", 12), ("date", 6),
]
NUMERIC = ("scale", "nps", "number")


class Question:
    """One question of the generated form, kept in a neutral shape that both writers render."""

    def __init__(self, qid, qtype):
        self.id = qid
        self.type = qtype
        self.text = ""
        self.help = None
        self.required = True
        self.options = []          # [(value, label)] for single / multi
        self.exclusive_last = False
        self.lo = None             # scale / number / date bounds
        self.hi = None
        self.integer = False
        self.unit = None
        self.max_length = None
        self.labels = None         # scale end labels {value: text}
        self.condition = None      # ("and" | "or" | None, [atoms])
        self.checks = []           # [(atom, message, soft)]
        self.constrained = frozenset()  # every question whose answer the path to this one depends on

    @property
    def always_asked(self):
        """True when every respondent is asked this question and must answer it."""
        return self.condition is None and self.required


# Atoms are tuples; the first element names the kind. Each renders once per format.
#   ("cmp", q, op, number)      q12 >= 4                 ${q12} >= 4
#   ("eq", q, value)            q30 == 'opt2'            ${q30} = 'opt2'
#   ("one_of", q, [values])     q30 in ['opt1', 'opt3']  (${q30} = 'opt1' or ${q30} = 'opt3')
#   ("has", q, value)           'opt1' in q45            selected(${q45}, 'opt1')
#   ("count", q, n)             count(q45) >= 2          count-selected(${q45}) >= 2
#   ("yes", q)                  q7                       ${q7} = 'yes'
#   ("no", q, use_not)          not q7 / q7 == false     ${q7} = 'no'
#   ("self_cmp", q, op, number) q100 <= 50 (in checks)   . <= 50


def atom_touchpoint(atom):
    kind = atom[0]
    if kind == "cmp" or kind == "self_cmp":
        return f"{atom[1]} {atom[2]} {atom[3]}"
    if kind == "eq":
        return f"{atom[1]} == '{atom[2]}'"
    if kind == "one_of":
        values = ", ".join(f"'{v}'" for v in atom[2])
        return f"{atom[1]} in [{values}]"
    if kind == "has":
        return f"'{atom[2]}' in {atom[1]}"
    if kind == "count":
        return f"count({atom[1]}) >= {atom[2]}"
    if kind == "yes":
        return atom[1]
    if kind == "no":
        return f"not {atom[1]}" if atom[2] else f"{atom[1]} == false"
    raise ValueError(kind)


def atom_xlsform(atom):
    kind = atom[0]
    if kind == "cmp":
        return f"${{{atom[1]}}} {atom[2]} {atom[3]}"
    if kind == "self_cmp":
        op = "=" if atom[2] == "==" else atom[2]
        return f". {op} {atom[3]}"
    if kind == "eq":
        return f"${{{atom[1]}}} = '{atom[2]}'"
    if kind == "one_of":
        return "(" + " or ".join(f"${{{atom[1]}}} = '{v}'" for v in atom[2]) + ")"
    if kind == "has":
        return f"selected(${{{atom[1]}}}, '{atom[2]}')"
    if kind == "count":
        return f"count-selected(${{{atom[1]}}}) >= {atom[2]}"
    if kind == "yes":
        return f"${{{atom[1]}}} = 'yes'"
    if kind == "no":
        return f"${{{atom[1]}}} = 'no'"
    raise ValueError(kind)


def condition_touchpoint(cond):
    joiner, atoms = cond
    return f" {joiner} ".join(atom_touchpoint(a) for a in atoms) if joiner else atom_touchpoint(atoms[0])


def condition_xlsform(cond):
    joiner, atoms = cond
    if not joiner:
        return atom_xlsform(atoms[0])
    return f" {joiner} ".join(atom_xlsform(a) for a in atoms)


class Generator:
    """Builds the question list; every choice comes from one seeded random stream."""

    def __init__(self, count, seed):
        self.count = count
        self.rng = random.Random(seed)
        self.questions = []

    def build(self):
        for number in range(1, self.count + 1):
            qtype = self.rng.choices([t for t, _ in TYPE_WEIGHTS], [w for _, w in TYPE_WEIGHTS])[0]
            question = Question(f"q{number}", qtype)
            topic = self.rng.choice(TOPICS)
            self.fill_type(question, topic)
            # About a third of the questions after the first few depend on earlier answers.
            if number > 5 and self.rng.random() < 0.34:
                self.add_condition(question)
            self.add_piping(question)
            self.questions.append(question)
        return self.questions

    def fill_type(self, q, topic):
        rng = self.rng
        if q.type == "scale":
            q.lo, q.hi = 1, rng.choice([5, 5, 7])
            q.text = rng.choice(SCALE_STEMS).format(t=topic)
            if rng.random() < 0.5:
                q.labels = {1: "Not at all", q.hi: "Completely"}
        elif q.type == "nps":
            q.lo, q.hi = 0, 10
            q.text = f"How likely are you to recommend our {topic} to a friend or colleague?"
        elif q.type in ("single", "multi"):
            k = rng.randint(3, 6)
            words = rng.sample(OPTION_WORDS, k)
            q.options = [(f"opt{i + 1}", words[i]) for i in range(k)]
            stems = SINGLE_STEMS if q.type == "single" else MULTI_STEMS
            q.text = rng.choice(stems).format(t=topic)
            if q.type == "multi" and rng.random() < 0.3:
                q.options[-1] = (q.options[-1][0], "None of these")
                q.exclusive_last = True
        elif q.type == "number":
            stem, unit = rng.choice(NUMBER_STEMS)
            q.text = stem.format(t=topic)
            q.unit = unit
            q.lo, q.hi = 0, rng.choice([60, 100, 500, 1000])
            q.integer = unit != "EUR"
            if rng.random() < 0.4:
                limit = q.hi // 2
                soft = rng.random() < 0.7
                message = (f"More than {limit} {unit} is unusual; please confirm." if soft
                           else f"Please enter at most {limit} {unit}.")
                q.checks.append((("self_cmp", q.id, "<=", limit), message, soft))
        elif q.type == "text":
            q.text = rng.choice(TEXT_STEMS).format(t=topic)
            q.max_length = rng.choice([200, 500, 1000])
            q.required = rng.random() < 0.3
        elif q.type == "yes_no":
            q.text = rng.choice(YES_NO_STEMS).format(t=topic)
        elif q.type == "date":
            q.text = rng.choice(DATE_STEMS).format(t=topic)
            q.lo, q.hi = "2020-01-01", "2026-12-31"
        if rng.random() < 0.08:
            q.help = f"Think of your most recent experience with the {topic}."
        # A few questions of every kind are optional.
        if q.type != "text" and rng.random() < 0.1:
            q.required = False

    def candidate(self, q_index):
        """An earlier question usable in a condition, biased towards recent ones."""
        usable = ("scale", "nps", "number", "single", "multi", "yes_no")
        for _ in range(50):
            if self.rng.random() < 0.7:
                lo = max(0, q_index - 150)
            else:
                lo = 0
            ref = self.questions[self.rng.randrange(lo, q_index)]
            if ref.type in usable:
                return ref
        return None

    def atom_for(self, ref):
        """A condition on `ref` that some answers satisfy and others do not (never always true)."""
        rng = self.rng
        if ref.type in NUMERIC:
            op = rng.choice([">=", "<=", ">", "<"])
            lo, hi = int(ref.lo), int(ref.hi)
            if ref.type == "number":
                # Cut-offs a researcher would pick: somewhere in the middle of the range.
                lo, hi = lo + (hi - lo) // 10, hi - (hi - lo) // 10
            # Strictly inside the range, so the condition is neither always nor never true.
            if op in (">=", "<"):
                value = rng.randint(lo + 1, hi)
            else:
                value = rng.randint(lo, hi - 1)
            return ("cmp", ref.id, op, value)
        values = [v for v, _ in ref.options]
        if ref.type == "single":
            if len(values) >= 4 and rng.random() < 0.25:
                return ("one_of", ref.id, sorted(rng.sample(values, 2), key=lambda v: int(v[3:])))
            return ("eq", ref.id, rng.choice(values))
        if ref.type == "multi":
            if rng.random() < 0.2:
                return ("count", ref.id, 2)
            pool = values[:-1] if ref.exclusive_last else values
            return ("has", ref.id, rng.choice(pool))
        if ref.type == "yes_no":
            if rng.random() < 0.7:
                return ("yes", ref.id)
            # `not q` reads naturally only when q is always answered; otherwise compare with false.
            return ("no", ref.id, ref.always_asked)
        raise ValueError(ref.type)

    def add_condition(self, q):
        """Give q a `when`. Atoms constrain disjoint sets of questions, so every path stays satisfiable."""
        index = len(self.questions)
        wanted = 1 if self.rng.random() < 0.7 else 2
        refs = []
        used = set()
        for _ in range(10):
            if len(refs) == wanted:
                break
            ref = self.candidate(index)
            if ref is None:
                continue
            closure = ref.constrained | {ref.id}
            if closure & used:
                continue
            refs.append(ref)
            used |= closure
        if not refs:
            return
        atoms = [self.atom_for(r) for r in refs]
        joiner = None
        if len(atoms) == 2:
            joiner = "and" if self.rng.random() < 0.75 else "or"
        q.condition = (joiner, atoms)
        q.constrained = frozenset(used)

    def add_piping(self, q):
        """Pipe an earlier answer into the text: one the condition guarantees, or one always asked."""
        rng = self.rng
        if q.condition is not None and rng.random() < 0.5:
            joiner, atoms = q.condition
            if joiner != "or":
                piped = [a[1] for a in atoms if a[0] in ("cmp", "eq", "one_of", "has")]
                if piped:
                    source = self.by_id(piped[0])
                    q.text = self.piped_text(source, q.text)
                    return
        if rng.random() < 0.12:
            always = [p for p in self.questions[-200:] if p.always_asked and p.type != "text"]
            if always:
                q.text = self.piped_text(rng.choice(always), q.text)

    def piped_text(self, source, text):
        if source.type in NUMERIC:
            return f"You answered {{{source.id}}} earlier. {text}"
        if source.type == "yes_no":
            return f"Earlier you said {{{source.id}}}. {text}"
        return f"You mentioned {{{source.id}}}. {text}"

    def by_id(self, qid):
        return self.questions[int(qid[1:]) - 1]


def yaml_string(text):
    """A double-quoted YAML scalar; JSON string syntax is valid YAML and escapes everything needed."""
    return json.dumps(text, ensure_ascii=False)


def write_yaml(questions, form_id, title):
    out = []
    w = out.append
    w("touchpoint: 1")
    w(f"id: {form_id}")
    w(f"title: {yaml_string(title)}")
    w('version: "bench-1"')
    w("defaults: {required: true, dont_know: false, refuse: false}")
    w("questions:")
    for start in range(0, len(questions), SECTION_SIZE):
        number = start // SECTION_SIZE + 1
        section_title = f"Part {number}: {SECTION_TITLES[(number - 1) % len(SECTION_TITLES)]}"
        w(f"  - section: part{number}")
        w(f"    title: {yaml_string(section_title)}")
        w("    questions:")
        for q in questions[start:start + SECTION_SIZE]:
            write_yaml_question(w, q)
    return "\n".join(out) + "\n"


def write_yaml_question(w, q):
    ind = "        "
    w(f"      - id: {q.id}")
    w(f"{ind}type: {q.type}")
    w(f"{ind}text: {yaml_string(q.text)}")
    if q.help:
        w(f"{ind}help: {yaml_string(q.help)}")
    if q.condition:
        w(f"{ind}when: {yaml_string(condition_touchpoint(q.condition))}")
    if not q.required:
        w(f"{ind}required: false")
    if q.type in ("single", "multi"):
        w(f"{ind}options:")
        for i, (value, label) in enumerate(q.options):
            if q.exclusive_last and i == len(q.options) - 1:
                w(f"{ind}  - {{value: {value}, label: {yaml_string(label)}, exclusive: true}}")
            else:
                w(f"{ind}  - {{value: {value}, label: {yaml_string(label)}}}")
    elif q.type == "scale":
        w(f"{ind}min: {q.lo}")
        w(f"{ind}max: {q.hi}")
        if q.labels:
            pairs = ", ".join(f"{k}: {yaml_string(v)}" for k, v in q.labels.items())
            w(f"{ind}labels: {{{pairs}}}")
    elif q.type == "number":
        w(f"{ind}min: {q.lo}")
        w(f"{ind}max: {q.hi}")
        if q.integer:
            w(f"{ind}integer: true")
        w(f"{ind}unit: {yaml_string(q.unit)}")
    elif q.type == "text":
        w(f"{ind}max_length: {q.max_length}")
    elif q.type == "date":
        w(f"{ind}min: {yaml_string(q.lo)}")
        w(f"{ind}max: {yaml_string(q.hi)}")
    if q.checks:
        w(f"{ind}checks:")
        for atom, message, soft in q.checks:
            soft_part = ", soft: true" if soft else ""
            w(f"{ind}  - {{rule: {yaml_string(atom_touchpoint(atom))}, "
              f"message: {yaml_string(message)}{soft_part}}}")


SURVEY_COLUMNS = ["type", "name", "label", "hint", "relevant", "constraint", "constraint_message", "required"]


def md_cell(text):
    if text is None:
        return ""
    text = str(text)
    # '#' would start a Markdown comment for pyxform's reader, '|' a new cell.
    if "#" in text:
        raise ValueError(f"'#' cannot appear in an XLSForm Markdown cell: {text!r}")
    return text.replace("|", "\\|")


def md_row(sheet, cells):
    return "| " + sheet + " | " + " | ".join(md_cell(c) for c in cells) + " |"


def xlsform_type_and_constraint(q):
    """The XLSForm type plus the constraint that carries the touchpoint type's own bounds."""
    parts = []
    if q.type == "single":
        xtype = f"select_one {q.id}_opts"
    elif q.type == "multi":
        xtype = f"select_multiple {q.id}_opts"
        if q.exclusive_last:
            last = q.options[-1][0]
            parts.append(f"not(selected(., '{last}') and count-selected(.) > 1)")
    elif q.type in ("scale", "nps"):
        xtype = "integer"
        parts.append(f". >= {q.lo} and . <= {q.hi}")
    elif q.type == "number":
        xtype = "integer" if q.integer else "decimal"
        parts.append(f". >= {q.lo} and . <= {q.hi}")
    elif q.type == "text":
        xtype = "text"
        parts.append(f"string-length(.) <= {q.max_length}")
    elif q.type == "yes_no":
        xtype = "select_one yes_no"
    elif q.type == "date":
        xtype = "date"
        parts.append(f". >= date('{q.lo}') and . <= date('{q.hi}')")
    else:
        raise ValueError(q.type)
    for atom, _, _ in q.checks:
        parts.append(atom_xlsform(atom))
    constraint = " and ".join(f"({p})" for p in parts) if len(parts) > 1 else (parts[0] if parts else None)
    return xtype, constraint


def xlsform_hint(q):
    hints = []
    if q.help:
        hints.append(q.help)
    if q.labels:
        hints.append(", ".join(f"{k} = {v}" for k, v in q.labels.items()))
    if q.unit:
        hints.append(f"In {q.unit}.")
    return " ".join(hints) or None


def xlsform_label(text):
    # touchpoint pipes with {q12}; XLSForm with ${q12}.
    out = []
    i = 0
    while i < len(text):
        if text[i] == "{":
            end = text.index("}", i)
            out.append("${" + text[i + 1:end] + "}")
            i = end + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def write_xlsform(questions, form_id, title):
    out = []
    w = out.append
    w(md_row("survey", SURVEY_COLUMNS))
    for start in range(0, len(questions), SECTION_SIZE):
        number = start // SECTION_SIZE + 1
        section_title = f"Part {number}: {SECTION_TITLES[(number - 1) % len(SECTION_TITLES)]}"
        w(md_row("", ["begin group", f"part{number}", section_title, "", "", "", "", ""]))
        for q in questions[start:start + SECTION_SIZE]:
            xtype, constraint = xlsform_type_and_constraint(q)
            message = "; ".join(m for _, m, _ in q.checks) or None
            relevant = condition_xlsform(q.condition) if q.condition else None
            w(md_row("", [xtype, q.id, xlsform_label(q.text), xlsform_hint(q), relevant, constraint,
                          message, "yes" if q.required else "no"]))
        w(md_row("", ["end group", "", "", "", "", "", "", ""]))
    w(md_row("choices", ["list_name", "name", "label"]))
    w(md_row("", ["yes_no", "yes", "Yes"]))
    w(md_row("", ["yes_no", "no", "No"]))
    for q in questions:
        for value, label in q.options:
            w(md_row("", [f"{q.id}_opts", value, label]))
    w(md_row("settings", ["form_title", "form_id", "version"]))
    w(md_row("", [title, form_id, "bench-1"]))
    return "\n".join(out) + "\n"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", "-n", type=int, default=2000, help="number of questions (default 2000)")
    parser.add_argument("--seed", type=int, default=20261123, help="random seed (default 20261123)")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out"),
                        help="output folder (default bench/out)")
    args = parser.parse_args(argv)
    if args.questions < 1:
        parser.error("--questions must be at least 1")

    questions = Generator(args.questions, args.seed).build()
    form_id = f"bench_form{args.questions}"
    title = f"Customer experience benchmark ({args.questions} questions)"
    os.makedirs(args.out, exist_ok=True)
    yaml_path = os.path.join(args.out, f"form{args.questions}.yaml")
    md_path = os.path.join(args.out, f"form{args.questions}.md")
    with open(yaml_path, "w", encoding="utf-8") as f:
        f.write(write_yaml(questions, form_id, title))
    with open(md_path, "w", encoding="utf-8") as f:
        f.write(write_xlsform(questions, form_id, title))

    conditional = sum(1 for q in questions if q.condition)
    checked = sum(1 for q in questions if q.checks)
    piped = sum(1 for q in questions if "{" in q.text)
    print(f"wrote {yaml_path} and {md_path}: {len(questions)} questions, {conditional} conditional, "
          f"{checked} with checks, {piped} piped, {(len(questions) + SECTION_SIZE - 1) // SECTION_SIZE} sections")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
