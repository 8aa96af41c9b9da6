from insight.cli import main

if __name__ == "__main__":  # spawned worker processes (Dask) import this module too
    main()
