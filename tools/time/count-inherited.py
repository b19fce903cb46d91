#!/usr/bin/env python3
"""Splits the wrong values of an errors file of `annalist eval timeml … --errors FILE` into inherited and own.

A wrong value is
  inherited-year   - ours and the gold's differ only in the year, and the expression writes no year
                     (`In December` given 1916 for 1917): its own reading was right, the anchor's year was not;
  inherited-month  - they differ in the year or month only, and the expression writes neither (`the 13th`);
  inherited-offset - they differ in a date an offset or anaphor counts from (`four days later`, `that same day`);
  own              - anything else: another type, granularity or reading of the expression itself.
Prints the counts, then with --list each inherited row with the anchor it took and its sentence, to read the
anchor moves behind them. Use it only on development corpora (TBAQ-train, WikiWars 01-16).
Usage: count-inherited.py [--list] ERRORS [ERRORS...]"""
import collections
import csv
import re
import sys

YEAR = re.compile(r"\b\d{3,4}\b|'\d\d\b")
MONTH = re.compile(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
ANAPHOR = re.compile(r"(?i)\b(later|earlier|next|following|previous|after|before|that|same)\b")
DATED = re.compile(r"(BC)?\d{4}.*")


def kind(row):
    gold, ours, text = row["gold_value"], row["system_value"], row["system_text"]
    if not (DATED.fullmatch(gold) and DATED.fullmatch(ours)):
        return "own"
    gold_parts, our_parts = re.split(r"[-T]", gold), re.split(r"[-T]", ours)
    if len(gold_parts) != len(our_parts) or YEAR.search(text):
        return "own"
    differ = [i for i, (a, b) in enumerate(zip(gold_parts, our_parts)) if a != b]
    if differ == [0]:
        return "inherited-year"
    if differ and max(differ) <= 1 and not MONTH.search(text):
        return "inherited-month"
    if differ and ANAPHOR.search(text):
        return "inherited-offset"
    return "own"


def main(arguments):
    listing = "--list" in arguments
    paths = [a for a in arguments if a != "--list"]
    if not paths:
        sys.exit(__doc__)
    counts, rows = collections.Counter(), []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                if row["kind"] != "VALUE":
                    continue
                k = kind(row)
                counts[k] += 1
                rows.append((k, row))
    total = sum(counts.values())
    print(f"wrong values {total}")
    for k in ("inherited-year", "inherited-month", "inherited-offset", "own"):
        print(f"  {k:17} {counts[k]:4}")
    if listing:
        for k, row in rows:
            if k != "own":
                print(f"{k}\t{row['document']}\t{row['system_text']}\tgold {row['gold_value']}\tours {row['system_value']}\tanchor: {row['anchor']}\t{row['sentence'][:200]}")


if __name__ == "__main__":
    main(sys.argv[1:])
