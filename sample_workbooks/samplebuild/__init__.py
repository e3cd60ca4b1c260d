"""Build the bundled sample workbooks, their README and the derived test cases.

Run ``python sample_workbooks/build.py`` from the repository root (or from
anywhere: paths are resolved relative to this package), or equivalently
``python -m sample_workbooks.samplebuild``.  Everything is generated from
seeded ``random.Random`` generators so the output is deterministic: the
README and ``tests/cases/*.yaml`` are byte-identical between runs and the
workbooks are written with fixed zip timestamps and document properties.

Modules, by responsibility:

``table``
    ``Table`` and ``Book``: what was written where (sheet, header cells, rows).
``books/``
    One module per group of workbooks, each making the data and writing the
    .xlsx (``writing`` holds the shared writing and seeding helpers).
``query``
    The vocabulary of cases: ``CaseSpec`` (a worked command) and ``Question``
    (a command paired with a structured query made of ``Cond`` conditions).
``cases/``
    The case definitions per group of workbooks, and ``records`` which turns
    them into the YAML records with ids, expected answers and tags.
``oracle/``
    The independent computation of expected answers, in plain Python on the
    rows that were written (never by reading the workbooks back, never by
    nlsheet, never typed by hand).  Aggregates skip blank cells and count
    numbers stored as text as numbers; totals rows, titles and notes are
    outside the data range.  Questions whose answer would hinge on a tie, a
    blank or a text-stored number are refused while building, so every
    expected value is unambiguous.
``readme``
    Renders ``sample_workbooks/README.md``.
``__main__``
    Wires it together and writes every output.

The first four workbooks (sales, inventory, orders, budget) share one
``random.Random(SEED)`` in a fixed order; every later workbook gets its own
generator (``books.writing.book_rng``), so adding one never changes another.
"""
