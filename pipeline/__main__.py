import sys

from .cli import main

if __name__ == "__main__":  # guard: worker processes (spawn, Dask) import this module too
    sys.exit(main())
