#!/usr/bin/env python3
"""Write the invented stories of NewsStories/*.news as TimeML files, their expected lines as inline TIMEX3 gold.

Usage: news-to-tml.py OUT_DIR FILE.news...

Then `annalist eval timeml OUT_DIR --anchor document --errors FILE` scores the recognizer on the stories as it scores
TBAQ: strict and relaxed F1 say how many extents it misses or cuts, and the errors file lists them. An expected extent is
found in the story text from where the previous one ended (the expected lines are in text order).
"""
import html
import os
import re
import sys

LINE = re.compile(r'^"(?P<text>[^"]+)" (?P<type>\S+) (?P<value>\S+)(?P<rest>.*)$')


def stories(path):
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    i = 0
    while i < len(lines):
        if not lines[i].startswith('=== ') or lines[i].strip() == '===':
            i += 1
            continue
        header = lines[i][4:].strip()
        text, expected = [], []
        i += 1
        while i < len(lines) and lines[i] != '---':
            text.append(lines[i])
            i += 1
        i += 1
        while i < len(lines) and not lines[i].startswith('==='):
            if lines[i]:
                expected.append(lines[i])
            i += 1
        yield header, '\n'.join(text), expected


def main(out, files):
    os.makedirs(out, exist_ok=True)
    n = 0
    for path in files:
        for header, text, expected in stories(path):
            date = header.split(' ')[0]
            body, at, tid = [], 0, 1
            for line in expected:
                m = LINE.match(line)
                if not m:
                    continue
                start = text.find(m['text'], at)
                if start < 0:
                    print(f'{path}: {header}: "{m["text"]}" not found in order', file=sys.stderr)
                    continue
                attrs = f'tid="t{tid}" type="{m["type"]}" value="{m["value"]}"'
                for key, val in re.findall(r'(\w+)=(\S+)', m['rest']):
                    attrs += f' {key}="{val}"'
                body.append(html.escape(text[at:start], quote=False))
                body.append(f'<TIMEX3 {attrs}>{html.escape(m["text"], quote=False)}</TIMEX3>')
                at = start + len(m['text'])
                tid += 1
            body.append(html.escape(text[at:], quote=False))
            n += 1
            name = f'{os.path.splitext(os.path.basename(path))[0]}-{n:03d}'
            with open(os.path.join(out, name + '.tml'), 'w', encoding='utf-8') as f:
                f.write('<?xml version="1.0" ?>\n<TimeML>\n<DOCID>' + name + '</DOCID>\n')
                f.write(f'<DCT><TIMEX3 tid="t0" type="DATE" value="{date}" temporalFunction="false" functionInDocument="CREATION_TIME">{date}</TIMEX3></DCT>\n')
                f.write('<TEXT>\n' + ''.join(body) + '\n</TEXT>\n</TimeML>\n')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2:])
