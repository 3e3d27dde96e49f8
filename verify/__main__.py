"""``python -m verify`` is the ``sheetproof`` command."""

import sys

from .cli import main

sys.exit(main())
