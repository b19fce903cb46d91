#!/usr/bin/env python3
"""Prints a document's paragraphs with its turns marked in place, for reading turns against the text.

Usage: annalist analyze FILE [volume.xml#ID] --format json | python3 tools/turns/show-turns.py [--all]

Each reported turn's words are wrapped as  ⟦Speaker→Addressee· … ⟧  (direct: ⟪ … ⟫), each cue as
{cue}; paragraphs without a turn are left out unless --all is given. One JSON document a line (JSON Lines)
is read as several documents.
"""
import json
import sys


def show(document, everything):
    layers = document["layers"]
    length = document["document"]["length"]
    text = [" "] * length
    for span in layers.get("paragraphs", {}).get("spans", []):
        text[span["start"]:span["end"]] = span["text"]
    text = "".join(text)
    marks = []  # (offset, order, string): closings before openings at one offset
    for turn in layers.get("turns", {}).get("spans", []):
        who = turn.get("speaker_text") or "?"
        if turn.get("speakers"):
            who += "=" + "+".join(turn["speakers"])
        if turn.get("addressee_text"):
            who += "→" + turn["addressee_text"]
        direct = turn.get("mode") == "direct"
        marks.append((turn["start"], 1, ("⟪" if direct else "⟦") + who + "· "))
        marks.append((turn["end"], 0, "⟫" if direct else "⟧"))
        if turn.get("cue"):
            marks.append((turn["cue"]["start"], 2, "{"))
            marks.append((turn["cue"]["end"], 0, "}"))
    print(f"=== {document['document']['name']}  ({len(layers.get('turns', {}).get('spans', []))} turns)")
    for p in layers.get("participants", {}).get("spans", []):
        print(f"  participant: {p['name']} | {p.get('role') or ''} | {p.get('affiliation') or ''} | {p.get('entity')}")
    for span in layers.get("paragraphs", {}).get("spans", []):
        inside = sorted((m for m in marks if span["start"] <= m[0] <= span["end"]), key=lambda m: (m[0], m[1]))
        if not inside and not everything:
            continue
        out, at = [], span["start"]
        for offset, _, mark in inside:
            out.append(text[at:offset])
            out.append(mark)
            at = offset
        out.append(text[at:span["end"]])
        print("\n¶ " + "".join(out))
    print()


def main():
    everything = "--all" in sys.argv[1:]
    for line in sys.stdin.read().splitlines():
        if line.strip():
            show(json.loads(line), everything)


if __name__ == "__main__":
    main()
