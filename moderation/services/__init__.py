"""Domain services: plain functions that take a session explicitly and own the commits."""
