#!/usr/bin/env python3
"""Validate the Korean labelled corpus (tuning.jsonl, heldout.jsonl) and print a summary.

heldout2.jsonl to heldout22.jsonl, each written after a round of tuning and before the next (docs/classification.md),
are checked the same way when present, and kept out of the tuning share and the two-part split checks.

Usage: python3 check_corpus.py [DIR]   (DIR defaults to this file's directory)
Exits non-zero on any problem. Checks: JSON per line, exact fields, raw UTF-8 (no \\u escapes),
ids/texts/headlines/leads unique across both files, topics from the three subjects in canonical order,
kind consistent with topics, received_at a UTC instant whose Seoul-time day appears as "N일" in the
lead (or, for a correspondent abroad, "N일(현지시간)" with N the Seoul day or the day before), Yonhap Korean layout (headline tags, "(도시=연합뉴스) … 기자 =" dateline, 4-12 paragraphs,
@yna.co.kr e-mail line, "(끝)" last), and the required mix.
"""
import collections, datetime, json, os, re, sys

SUBJECTS = ['alliance', 'defense-cost', 'north-korea']
KINDS = ['normal', 'multi', 'hard-positive', 'tricky-negative']
FIELDS = ['id', 'topics', 'kind', 'note', 'received_at', 'language', 'text']
LEAD_TAGS = {'속보', '1보', '그래픽', '사설', '인터뷰'}
TRAIL_TAGS = re.compile(r'\((종합|종합\d보|\d보)\)$')
DATELINE = re.compile(r'^\(([^=()]{1,30})=연합뉴스\) (.{2,60}?) = ')
BYLINE_END = re.compile(r'(기자|특파원|공동취재단)$')
EMAIL = re.compile(r'^[a-z0-9._-]+@yna\.co\.kr$')
CAPTION = re.compile(r'^\[[^\]]*\]$')
GRAPHICS_FOOTER = re.compile(r'@yonhap_graphics')
KST = datetime.timezone(datetime.timedelta(hours=9))

problems = []
def bad(where, msg): problems.append(f'{where}: {msg}')

def split_headline(h):
    lead, trail = [], []
    while True:
        m = re.match(r'^\[([^\]]+)\]\s*', h)
        if not m: break
        lead.append(m.group(1)); h = h[m.end():]
    m = TRAIL_TAGS.search(h)
    if m:
        trail.append(m.group(1)); h = h[:m.start()].rstrip()
    return lead, trail, h

def check_file(path, seen):
    objs = []
    raw = open(path, 'rb').read()
    if b'\\u' in raw: bad(path, 'contains \\u escapes; write raw UTF-8')
    raw.decode('utf-8')  # strict
    for n, line in enumerate(raw.decode('utf-8').split('\n'), 1):
        if not line: continue
        w = f'{os.path.basename(path)}:{n}'
        try: o = json.loads(line)
        except json.JSONDecodeError as e: bad(w, f'not JSON: {e}'); continue
        if list(o) != FIELDS: bad(w, f'fields {list(o)} != {FIELDS}')
        w = f'{w} {o.get("id")}'
        oid, topics, kind, text = o.get('id'), o.get('topics'), o.get('kind'), o.get('text', '')
        if not re.fullmatch(r'ko-\d{3,4}', str(oid)): bad(w, 'id not ko-NNN or ko-NNNN')
        for k, v in (('id', oid), ('text', text)):
            if v in seen[k]: bad(w, f'duplicate {k} (also {seen[k][v]})')
            seen[k][v] = oid
        if not isinstance(topics, list) or any(t not in SUBJECTS for t in topics): bad(w, f'bad topics {topics}')
        elif topics != [s for s in SUBJECTS if s in topics]: bad(w, f'topics not in canonical order/unique {topics}')
        if kind not in KINDS: bad(w, f'bad kind {kind}')
        elif kind == 'normal' and len(topics) != 1: bad(w, 'normal needs exactly one topic')
        elif kind == 'multi' and len(topics) < 2: bad(w, 'multi needs two or more topics')
        elif kind == 'hard-positive' and not topics: bad(w, 'hard-positive needs a topic')
        elif kind == 'tricky-negative' and topics: bad(w, 'tricky-negative must have no topic')
        if o.get('language') != 'ko': bad(w, 'language != ko')
        if not str(o.get('note', '')).strip(): bad(w, 'empty note')
        try:
            t = datetime.datetime.strptime(o['received_at'], '%Y-%m-%dT%H:%M:%SZ').replace(tzinfo=datetime.timezone.utc)
        except Exception: bad(w, f'received_at {o.get("received_at")!r} not YYYY-MM-DDTHH:MM:SSZ'); continue
        seoul = t.astimezone(KST)
        if not 2015 <= seoul.year <= 2025: bad(w, f'year {seoul.year} outside 2015-2025')
        lines = text.split('\n')
        if any(l != l.strip() or not l for l in lines): bad(w, 'blank or untrimmed line')
        hl_lead, hl_trail, headline = split_headline(lines[0])
        for tag in hl_lead:
            if tag not in LEAD_TAGS: bad(w, f'unknown headline tag [{tag}]')
        if not headline or len(lines[0]) > 120: bad(w, f'headline empty or too long: {lines[0]!r}')
        if headline in seen['headline']: bad(w, f'duplicate headline (also {seen["headline"][headline]})')
        seen['headline'][headline] = oid
        if lines[-1] != '(끝)': bad(w, 'last line is not (끝)')
        if '(끝)' in lines[:-1]: bad(w, '(끝) before the end')
        if not any(EMAIL.match(l) for l in lines): bad(w, 'no @yna.co.kr e-mail line')
        body = [l for l in lines[1:-1] if not (EMAIL.match(l) or CAPTION.match(l) or GRAPHICS_FOOTER.search(l))]
        if not 4 <= len(body) <= 12: bad(w, f'{len(body)} paragraphs, want 4-12')
        editorial = '사설' in hl_lead
        m = DATELINE.match(lines[1]) if len(lines) > 1 else None
        if m:
            if not BYLINE_END.search(m.group(2)): bad(w, f'byline {m.group(2)!r} lacks 기자/특파원/공동취재단')
            if DATELINE.match(lines[1][m.end():]): bad(w, 'dateline written twice')
            lead = lines[1]
        elif editorial:
            lead = ''  # deliberate variant: editorials carry no dateline
        else:
            bad(w, f'no dateline: {lines[1][:40]!r}'); lead = ''
        o['_localtime'] = False
        if lead and not re.search(rf'(?<!\d){seoul.day}일', lead):
            # a correspondent abroad gives the local day: "27일(현지시간)", one day behind Seoul at most
            behind = (seoul - datetime.timedelta(days=1)).day
            if re.search(rf'(?<!\d)({seoul.day}|{behind})일\(현지시간\)', lead):
                o['_localtime'] = True
            else:
                bad(w, f'lead does not give the Seoul day {seoul.day}일 of received_at {o["received_at"]}')
        hangul = sum('\uac00' <= c <= '\ud7a3' for c in text)
        if hangul < 0.4 * len(text.replace(' ', '')): bad(w, 'text is not mostly Korean')
        o['_tags'] = hl_lead + hl_trail; o['_dateline'] = m.group(1) if m else None; o['_variant'] = editorial
        objs.append(o)
    return objs

def summary(name, objs):
    kinds = collections.Counter(o['kind'] for o in objs)
    labels = collections.Counter(t for o in objs for t in o['topics'])
    combos = collections.Counter('+'.join(o['topics']) or '(none)' for o in objs)
    print(f'== {name}: {len(objs)} dispatches')
    print('   by kind : ' + ', '.join(f'{k} {kinds[k]}' for k in KINDS))
    print('   by label: ' + ', '.join(f'{s} {labels[s]}' for s in SUBJECTS) + f', none {combos["(none)"]}')
    print('   combos  : ' + ', '.join(f'{c} {n}' for c, n in sorted(combos.items())))
    return kinds, labels

def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    seen = collections.defaultdict(dict)
    parts = {n: check_file(os.path.join(d, f'{n}.jsonl'), seen) for n in ('tuning', 'heldout')}
    later = {n: check_file(os.path.join(d, f'{n}.jsonl'), seen) for n in ('heldout2', 'heldout3', 'heldout4', 'heldout5', 'heldout6', 'heldout7', 'heldout8', 'heldout9', 'heldout10', 'heldout11', 'heldout12', 'heldout13', 'heldout14', 'heldout15', 'heldout16', 'heldout17', 'heldout18', 'heldout19', 'heldout20', 'heldout21', 'heldout22')
             if os.path.exists(os.path.join(d, f'{n}.jsonl'))}
    allobjs = parts['tuning'] + parts['heldout'] + [o for objs in later.values() for o in objs]
    for n, objs in parts.items(): summary(n, objs)
    for n, objs in later.items(): summary(n, objs)
    kinds, labels = summary('all', allobjs)
    tags = collections.Counter(t for o in allobjs for t in o['_tags'])
    cities = collections.Counter(o['_dateline'] for o in allobjs if o['_dateline'])
    print('   headline tags: ' + ', '.join(f'{t} {n}' for t, n in tags.most_common()))
    print('   datelines: ' + ', '.join(f'{c} {n}' for c, n in cities.most_common()))
    print(f'   deliberate variants (editorials without dateline): {sum(o["_variant"] for o in allobjs)}')
    print(f'   leads dated by the local day abroad, "N일(현지시간)", one day behind Seoul: {sum(o["_localtime"] for o in allobjs)}')
    share = len(parts['tuning']) / (len(parts['tuning']) + len(parts['heldout']))
    print(f'   tuning share {share:.2f}')
    if len(allobjs) < 170: bad('all', f'{len(allobjs)} dispatches < 170')
    if kinds['tricky-negative'] < 45: bad('all', 'fewer than 45 tricky negatives')
    if kinds['multi'] < 40: bad('all', 'fewer than 40 multi-subject stories')
    if not 0.55 <= share <= 0.65: bad('all', f'tuning share {share:.2f} not about 60%')
    for k in KINDS:
        n_t = sum(o['kind'] == k for o in parts['tuning']); n_h = sum(o['kind'] == k for o in parts['heldout'])
        if n_h == 0 or n_t == 0: bad('split', f'kind {k} missing from a part')
    for s in SUBJECTS:
        if not any(s in o['topics'] for o in parts['heldout']): bad('split', f'{s} missing from heldout')
    if problems:
        print(f'\n{len(problems)} problem(s):'); [print('  ' + p) for p in problems]; sys.exit(1)
    print('\nOK: no problems')

if __name__ == '__main__':
    main()
