"""Build the bundled sample workbooks, their README and the derived test cases.

Run ``python sample_workbooks/build.py`` (from anywhere).  The code lives in the
``samplebuild`` package next to this file; see its docstring for the layout.
This script only runs it, so the command stays the same.
"""

from __future__ import annotations

from samplebuild.__main__ import main

if __name__ == "__main__":
    main()
