"""Throughput of the extraction engine on a generated corpus.

    python -m benchmarks.extract [--mb 5] [--seed 1]
    python -m benchmarks.extract --corpus DIR [--limit 3000]

The corpus is fictional wire copy built from templates (invented people,
countries and outlets), so it exercises the same rules as real articles:
titles, pronouns, roles, split and multi-paragraph quotes, scare quotes.
Runs on one core and prints MB/s and articles/s, then the same for three
inputs that once took quadratic time (a page repeating one attribution, the
corpus as one line without breaks, random printable junk): their MB/s must
stay about the same at any size (``--big-mb``, default 1).

With ``--corpus`` it times instead what an import runs for each article
(reading aside): ``pipeline.process``, cleaning and extraction, on the first
``--limit`` articles of a folder of article files (``gen_corpus.py`` output).
"""

from __future__ import annotations

import argparse
import random
import string
import time
from datetime import date, timedelta

from statements.extraction.attribution import extract_statements
from statements.extraction.document import RawDocument
from statements.extraction.pipeline import process
from statements.extraction.readers import ReadFailure, find_files, read_path

FIRST = {
    "m": ["Arvid", "Tomas", "Ivo", "Marek", "Piet", "Erik", "Boris", "Teodor", "Oskar", "Jonas"],
    "f": ["Lena", "Karin", "Hanna", "Irina", "Elsa", "Nadia", "Miriam", "Dana", "Ada", "Olga"],
}
LAST = [
    "Holm",
    "Varga",
    "Brenner",
    "Dahl",
    "Kalnin",
    "Stoll",
    "Kovacs",
    "Olsen",
    "Bolt",
    "Lund",
    "Marr",
    "Krantz",
    "Feld",
    "Rusk",
    "Salo",
    "Okafor",
    "Eberle",
    "Moor",
    "Vance",
    "Sedin",
]
COUNTRIES = ["Norland", "Westmark", "Eastvale", "Ostria", "Kessland", "Dornia"]
ROLES = [
    "Foreign Minister",
    "Defence Minister",
    "Prime Minister",
    "President",
    "Interior Minister",
    "Finance Minister",
    "Deputy Chairman of the Security Council",
]
LATER_ROLE = {
    "Foreign Minister": "the foreign minister",
    "Defence Minister": "the minister",
    "Prime Minister": "the prime minister",
    "President": "the president",
    "Interior Minister": "the interior minister",
    "Finance Minister": "the minister",
    "Deputy Chairman of the Security Council": "the deputy head of the Security Council",
}
SENTENCES = [
    "We will not give up a single meter of our land",
    "Our patience is not endless, and everyone should understand that",
    "The talks were difficult but honest, and we will continue them next week",
    "Nobody is threatening our neighbours, whatever their press may claim",
    "This agreement will bring cheaper electricity to millions of homes",
    "The courts are independent and the government does not comment on their work",
    "We have different interests, but we share one continent and one future",
    "Let us not celebrate too early, the implementation will be the real test",
]
FRAGMENTS = [
    "playing with fire",
    "a campaign of lies",
    "slowly but surely",
    "unacceptable and dangerous",
    "only a first step",
    "a gift to the banks",
]
TERMS = ["velvet coup", "hybrid war", "iron line", "grain corridor"]
BACKGROUND = [
    "The two countries have argued over the valley since {n} border posts were moved after the "
    "collapse of the old federation, and several rounds of talks in neutral capitals have ended "
    "without agreement on where the line should run or who should patrol it.",
    "Trade between {c1} and {c2} has fallen by almost {n} percent over the past year, according "
    "to official statistics, as tariffs on grain, timber and machinery have been raised twice.",
    "Thousands of people have crossed the border in both directions since the spring, many of "
    "them seasonal workers whose permits were suspended when the checkpoints were closed.",
    "The parliament in {c2} is expected to vote on the budget next month, with defence spending "
    "set to rise for the {n}th consecutive year despite protests from opposition parties.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _person(rng: random.Random) -> tuple[str, str, str, str]:
    g = rng.choice("mf")
    return rng.choice(FIRST[g]), rng.choice(LAST), g, rng.choice(ROLES)


def article(rng: random.Random) -> str:
    """One fictional article of 8-14 paragraphs."""
    f1, l1, g1, r1 = _person(rng)
    f2, l2, g2, r2 = _person(rng)
    while l2 == l1:
        l2 = rng.choice(LAST)
    c1, c2 = rng.sample(COUNTRIES, 2)
    p1 = "he" if g1 == "m" else "she"
    p2 = "he" if g2 == "m" else "she"
    term = rng.choice(TERMS)
    paras = [
        f"{c1}'s {r1} {f1} {l1} on {rng.choice(DAYS)} rejected what {p1} called "
        f"\u201c{rng.choice(FRAGMENTS)}\u201d by {c2}, as tensions over a \u201c{term}\u201d grew.",
        f"\u201c{rng.choice(SENTENCES)},\u201d {l1} told reporters. \u201c{rng.choice(SENTENCES)}.\u201d",
        f'{c2}\'s {r2} {f2} {l2} dismissed the remarks. "{rng.choice(SENTENCES)}," {p2} said '
        f'on {rng.choice(DAYS)}, "and {rng.choice(SENTENCES).lower()}."',
    ]
    for _ in range(rng.randint(5, 11)):
        kind = rng.randrange(7)
        if kind == 0:
            paras.append(
                f"{l2} accused {l1} of \u201c{rng.choice(FRAGMENTS)}\u201d and urged "
                f"talks. Officials in {c2} warned of a \u201c{term}\u201d against the country."
            )
        elif kind == 1:
            paras.append(f"\u201c{rng.choice(SENTENCES)},\u201d said {LATER_ROLE[r1]}.")
        elif kind == 2:
            paras.append(
                f"According to {l1}, the dispute can be settled. \u201c{rng.choice(SENTENCES)}"
                f",\u201d {p1} added."
            )
        elif kind == 3:
            paras.append(
                f"\u201c{rng.choice(SENTENCES)}.\n\n\u201c{rng.choice(SENTENCES)},\u201d {l2} said."
            )
        elif kind == 4:
            paras.append(
                f"The {c1} News Agency reported that the border stayed closed, and the "
                f"\u201c{term}\u201d slogan spread on social media among protesters."
            )
        elif kind == 5:
            paras.append(
                f"{l1} said {p1} was ready to meet {l2} \u201cat any time and any place, "
                f"as long as the talks are honest.\u201d"
            )
        else:
            paras.append(
                f"Markets in {c1} fell by {rng.randint(1, 9)} percent on the news, while "
                f"analysts said the outlook remained uncertain for the coming months."
            )
        if rng.random() < 0.5:
            paras.append(rng.choice(BACKGROUND).format(c1=c1, c2=c2, n=rng.randint(2, 90)))
    return "\n\n".join(paras)


def corpus(megabytes: float, seed: int) -> list[tuple[str, date]]:
    rng = random.Random(seed)
    out, size = [], 0
    start = date(2020, 1, 1)
    while size < megabytes * 1_000_000:
        body = article(rng)
        out.append((body, start + timedelta(days=rng.randrange(1500))))
        size += len(body.encode("utf-8"))
    return out


def repetitive_page(size: int) -> str:
    """A page that repeats one attributed quote, three to a paragraph."""
    unit = '"We will not give up a single meter of our land," Holm said on Monday. '
    para = unit * 3
    return "\n\n".join([para] * max(1, size // (len(para) + 2)))


def one_line(size: int, seed: int = 1) -> str:
    """Generated wire copy with every paragraph break removed: one long line."""
    rng = random.Random(seed)
    parts, total = [], 0
    while total < size:
        parts.append(article(rng).replace("\n\n", " "))
        total += len(parts[-1]) + 1
    return " ".join(parts)[:size]


def printable_junk(size: int, seed: int = 1) -> str:
    """Random printable characters: quotes, capitals and full stops in no order."""
    rng = random.Random(seed)
    return "".join(rng.choices(string.printable, k=size))


BIG_INPUTS = {
    "repetitive page": repetitive_page,
    "one line": one_line,
    "printable junk": printable_junk,
}


def big_inputs(megabytes: float) -> None:
    for name, make in BIG_INPUTS.items():
        body = make(int(megabytes * 1_000_000))
        size = len(body.encode("utf-8")) / 1e6
        c0 = time.process_time()
        statements, _people = extract_statements(body, date(2024, 5, 2))
        cpu = time.process_time() - c0
        print(
            f"{name}: {size:.2f} MB, {len(statements)} statements in {cpu:.2f} s CPU, "
            f"{size / cpu:.2f} MB/s"
        )


def corpus_articles(folder: str, limit: int) -> list[RawDocument]:
    """The first ``limit`` articles of the files under ``folder``, read as an import reads them."""
    files, _failures = find_files([folder])
    docs: list[RawDocument] = []
    for path in files:
        for item in read_path(path):
            if not isinstance(item, ReadFailure):
                docs.append(item)
            if len(docs) >= limit:
                return docs
    return docs


def time_corpus(folder: str, limit: int) -> None:
    docs = corpus_articles(folder, limit)
    if not docs:
        raise SystemExit(f"no articles under {folder}")
    size = sum(len(doc.text.encode("utf-8")) for doc in docs)
    process(docs[0])  # load the name lists once, as every import process does
    c0 = time.process_time()
    found = sum(len(process(doc).statements) for doc in docs)
    cpu = time.process_time() - c0
    print(f"{len(docs)} articles, {size / 1e6:.2f} MB, {found} statements")
    print(
        f"{1000 * cpu / len(docs):.2f} ms CPU per article, {size / 1e6 / cpu:.2f} MB/s "
        f"(pipeline.process: cleaning and extraction)"
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--big-mb", type=float, default=1.0, help="size of each big single input (0: skip)"
    )
    ap.add_argument("--corpus", help="time pipeline.process on the articles of this folder")
    ap.add_argument("--limit", type=int, default=3000, help="articles of --corpus (default 3000)")
    args = ap.parse_args(argv)
    if args.corpus:
        time_corpus(args.corpus, args.limit)
        return
    docs = corpus(args.mb, args.seed)
    size = sum(len(b.encode("utf-8")) for b, _ in docs)
    extract_statements(*docs[0])  # load the name lists once, as every import process does
    t0, c0 = time.perf_counter(), time.process_time()
    found = 0
    for body, published_on in docs:
        statements, _people = extract_statements(body, published_on)
        found += len(statements)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"{len(docs)} articles, {size / 1e6:.2f} MB, {found} statements in {secs:.2f} s")
    print(f"{size / 1e6 / secs:.2f} MB/s, {len(docs) / secs:.0f} articles/s (wall clock)")
    print(
        f"{size / 1e6 / cpu:.2f} MB/s, {len(docs) / cpu:.0f} articles/s (CPU time of this process)"
    )
    if args.big_mb > 0:
        big_inputs(args.big_mb)


if __name__ == "__main__":
    main()
