# Memory management.
