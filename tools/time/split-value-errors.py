#!/usr/bin/env python3
"""Split the value errors of `annalist eval timeml --errors FILE` whose span is right by why they are wrong.

Usage: split-value-errors.py ERRORS.tsv... --gold DIR...  (development corpora only: TBAQ-train, WikiWars 01-16)

Each VALUE/TYPE row whose gold and system text are the same falls into one bucket (type, gold left unresolved,
part of the day, duration vs point, granularity, direction, anchor, unit, other). For each row it also asks whether
the gold of the *same expression text* elsewhere in the --gold folders takes the value's shape the system gave
(digits as 9): if it does, the annotators disagree with each other on that expression and the row is counted as a
gold inconsistency. Prints one table row per bucket and, with --rows, every row.
"""
import glob
import os
import re
import sys
from collections import Counter, defaultdict

TIMEX = re.compile(r'<TIMEX3([^>]*)>([^<]*)</TIMEX3>')
ATTR = re.compile(r'(\w+)="([^"]*)"')


def shape(value, kind):
    return kind + ":" + re.sub(r'\d', '9', value)


def gold_shapes(folders):
    shapes = defaultdict(Counter)
    for folder in folders:
        for path in glob.glob(os.path.join(folder, '**', '*.tml'), recursive=True):
            with open(path, encoding='utf-8') as f:
                for attrs, text in TIMEX.findall(f.read()):
                    a = dict(ATTR.findall(attrs))
                    if a.get('functionInDocument') == 'CREATION_TIME':
                        continue
                    shapes[text.strip().lower()][shape(a.get('value', ''), a.get('type', ''))] += 1
    return shapes


def granularity(value):
    if value.startswith('P'):
        return 'duration'
    if re.fullmatch(r'\d{4}-\d\d-\d\dT.*', value):
        return 'time'
    if re.fullmatch(r'\d{4}-\d\d-\d\d', value):
        return 'day'
    if re.fullmatch(r'\d{4}-W\d\d?(-WE)?', value):
        return 'week'
    if re.fullmatch(r'\d{4}-\d\d', value):
        return 'month'
    if re.fullmatch(r'\d{4}-(Q\d|H\d|SP|SU|FA|WI)', value):
        return 'part of year'
    if re.fullmatch(r'\d{4}', value):
        return 'year'
    if re.fullmatch(r'\d{1,3}', value):
        return 'decade/century'
    return value


def bucket(gold_type, gold, sys_type, ours):
    if gold == ours:
        return 'type'
    if 'X' in gold and 'X' not in ours and not gold.startswith('P') and not ours.startswith('P'):
        return 'gold left unresolved'
    if ours.startswith(gold + 'T') or gold.startswith(ours + 'T'):
        return 'part of the day'
    if gold.startswith('P') != ours.startswith('P') or gold.endswith('_REF') != ours.endswith('_REF'):
        return 'duration vs point'
    if gold.startswith('P') and ours.startswith('P'):
        return 'unit'
    if granularity(gold) != granularity(ours):
        return 'granularity'
    return 'direction or anchor'


def main(argv):
    rows_wanted = '--rows' in argv
    argv = [a for a in argv if a != '--rows']
    golds = argv[argv.index('--gold') + 1:] if '--gold' in argv else []
    files = argv[:argv.index('--gold')] if '--gold' in argv else argv
    shapes = gold_shapes(golds)
    counts, inconsistent, examples = Counter(), Counter(), defaultdict(list)
    for path in files:
        with open(path, encoding='utf-8') as f:
            header = f.readline().rstrip('\n').split('\t')
            for line in f:
                r = dict(zip(header, line.rstrip('\n').split('\t')))
                if r['kind'] not in ('VALUE', 'TYPE') or r['gold_text'] != r['system_text']:
                    continue
                b = bucket(r['gold_type'], r['gold_value'], r['system_type'], r['system_value'])
                if b == 'direction or anchor':
                    b = 'direction' if r['anchor'] == 'document' else 'anchor (a date of the text)'
                counts[b] += 1
                seen = shapes.get(r['gold_text'].strip().lower(), Counter())
                disagree = seen[shape(r['system_value'], r['system_type'])] > 0
                if disagree:
                    inconsistent[b] += 1
                examples[b].append((disagree, r))
    print('| why | rows | gold elsewhere gives our shape |')
    print('|---|---|---|')
    for b, n in counts.most_common():
        print(f'| {b} | {n} | {inconsistent[b]} |')
    print(f'| all | {sum(counts.values())} | {sum(inconsistent.values())} |')
    if rows_wanted:
        for b in counts:
            print(f'\n## {b}')
            for disagree, r in examples[b]:
                mark = '=' if disagree else ' '
                print(f"{mark} {r['gold_text']}\tgold {r['gold_type']} {r['gold_value']}\tours {r['system_type']} {r['system_value']}\t{r['anchor'][:40]}")


if __name__ == '__main__':
    main(sys.argv[1:])
