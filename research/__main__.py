"""`python -m research ...`: the command line of `research.cli`."""

from research.cli import main

raise SystemExit(main())
