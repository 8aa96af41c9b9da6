from insight.cli import run

if __name__ == "__main__":  # spawned worker processes (Dask) import this module too
    run()
