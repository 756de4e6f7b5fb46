"""Task and queue names: the contract between the web process and the workers.

The web process sends tasks by these names and never imports the task modules.
"""


class QueueNames:
    SCORING = "scoring"
    EVENTS = "events"
    TRAINING = "training"

    @classmethod
    def all(cls) -> list[str]:
        return [cls.SCORING, cls.EVENTS, cls.TRAINING]


class TaskNames:
    SCORE_COMMENT = "moderation.score_comment"
    SWEEP_PENDING = "moderation.sweep_pending"
    DELIVER_WEBHOOK = "moderation.deliver_webhook"
    SWEEP_WEBHOOKS = "moderation.sweep_webhooks"
    RETRAIN = "moderation.retrain"


TASK_QUEUES = {
    TaskNames.SCORE_COMMENT: QueueNames.SCORING,
    TaskNames.SWEEP_PENDING: QueueNames.SCORING,
    TaskNames.DELIVER_WEBHOOK: QueueNames.EVENTS,
    TaskNames.SWEEP_WEBHOOKS: QueueNames.EVENTS,
    TaskNames.RETRAIN: QueueNames.TRAINING,
}
