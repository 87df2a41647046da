"""Running the linter over many files: which files (`discovery`), how each is made ready to check
(`recipe`), the units of work (`tasks`), where they run (`executors`, `dask`), last year's report
for each (`pairing`), and the batch that ties them together (`batch`)."""
