"""``python -m nlsheet`` runs the command line."""

from nlsheet.cli import main

raise SystemExit(main())
