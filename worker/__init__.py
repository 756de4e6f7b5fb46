"""Celery workers: the app bound to the Flask config, tasks, queues and the beat schedule."""
