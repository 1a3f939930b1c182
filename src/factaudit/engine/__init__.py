"""The pipeline that runs an audit, the executors it maps over, the cache and progress."""
