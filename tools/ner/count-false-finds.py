#!/usr/bin/env python3
"""Counts the false finds of an errors file of `annalist train ner --folds K --errors FILE` (or `eval ner --errors`)
by the step that produced them and by kind.

Each false find (`  + Type Words  [source, initial]`) is
  wrong type  - the document's misses hold the same words with another type,
  wrong span  - a miss shares a word with it (a name cut short or run on),
  spurious    - neither: no name there in the annotation.
Correct finds (`  = …`, written when the errors file has sources) give each source's precision.
Usage: count-false-finds.py ERRORS [ERRORS...] (several files: one column each)."""
import collections
import sys


def read(path):
    documents, current = [], None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.startswith("  "):
            current = {"name": line, "found": [], "missed": []}
            documents.append(current)
            continue
        sign, rest = line[2], line[4:]
        source = "?"
        if rest.endswith("]") and "  [" in rest:
            rest, source = rest[:-1].rsplit("  [", 1)
        kind, _, words = rest.partition(" ")
        {"+": current["found"], "-": current["missed"], "=": current.setdefault("correct", [])}[sign].append((kind, words, source))
    return documents


def classify(document):
    for kind, words, source in document["found"]:
        tokens = set(words.split())
        if any(w == words and k != kind for k, w, _ in document["missed"]):
            outcome = "wrong type"
        elif any(tokens & set(w.split()) for _, w, _ in document["missed"]):
            outcome = "wrong span"
        else:
            outcome = "spurious"
        step, _, flags = source.partition(", ")
        yield step, kind, outcome, flags == "initial"


def main(paths):
    for path in paths:
        rows = [r for d in read(path) for r in classify(d)]
        print(f"{path}: {len(rows)} false finds")
        correct = collections.Counter(s.partition(", ")[0] for d in read(path) for _, _, s in d.get("correct", []))
        by_step = collections.Counter((s, o) for s, _, o, _ in rows)
        steps = collections.Counter(s for s, _, _, _ in rows)
        for step in correct:
            steps.setdefault(step, 0)
        print(f"  {'source':34} {'all':>5} {'spurious':>9} {'wrong type':>11} {'wrong span':>11} {'initial':>8} {'correct':>8} {'precision':>9}")
        for step, n in steps.most_common():
            initial = sum(1 for s, _, _, i in rows if s == step and i)
            print(f"  {step:34} {n:5} {by_step[(step, 'spurious')]:9} {by_step[(step, 'wrong type')]:11} {by_step[(step, 'wrong span')]:11} {initial:8} {correct[step]:8} {correct[step] / (correct[step] + n):9.3f}")
        kinds = collections.Counter((s, k) for s, k, _, _ in rows)
        print("  by source and type found: " + ", ".join(f"{s} {k} {n}" for (s, k), n in kinds.most_common()))


if __name__ == "__main__":
    main(sys.argv[1:])
