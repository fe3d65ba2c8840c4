"""``python -m ekokit.validate``: the same gate as ``ekokit validate``."""

import sys

from ekokit.validate import main

sys.exit(main())
