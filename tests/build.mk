# Test targets: see tests/README or make help.
