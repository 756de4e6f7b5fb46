"""The embedded broker: kombu's SQLAlchemy transport on one SQLite file, made to keep up.

``BROKER_URL=sqla+sqlite:///PATH`` (the default) is served by :class:`Transport`, a subclass of
kombu's SQLAlchemy transport. The stock transport polls once a second and takes one message per
poll, never deletes a message, redelivers nothing a dead worker had taken, and can fail a worker
with ``IntegrityError`` when several processes declare the same queue at once. Here:

- the database is in WAL mode (writers do not block readers; a commit is not an fsync);
- a worker polls every :data:`POLLING_INTERVAL` seconds, first with a read that takes no lock, and
  takes as many messages as its prefetch allows in one transaction;
- a message is marked taken, deleted when acknowledged (acknowledgements are written in batches
  by the consuming thread), put back when rejected or when the worker stops, and given out again
  once it has been taken for longer than the visibility timeout (a worker that died);
- the tables and queues are created by ``moderation setup`` (:func:`prepare`), and a declaration
  that loses a race reads the winner's row;
- what the stock transport had delivered (and kept) is deleted when a process first opens the
  file, so that an upgrade does not give it all out again.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from collections.abc import Iterable
from datetime import datetime, timedelta
from queue import Empty
from typing import Any

from kombu.transport import sqlalchemy as kombu_sqla
from kombu.utils.encoding import bytes_to_str
from sqlalchemy import (
    Engine,
    and_,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import sessionmaker

URL_PREFIX = "sqla+sqlite"
TRANSPORT = "moderation.broker:Transport"
# Seconds between polls of an empty queue: at most this much is added to a comment's wait.
POLLING_INTERVAL = 0.05
# The most messages one poll takes when the consumer has no prefetch limit.
MAX_BATCH = 64
LOCK_TIMEOUT_SECONDS = 30


def is_embedded(broker_url: str) -> bool:
    return broker_url.startswith(URL_PREFIX + ":")


def connection_url(broker_url: str) -> str:
    """The SQLAlchemy URL inside ``sqla+sqlite:///PATH``."""
    return broker_url.split("+", 1)[1]


def _now() -> datetime:
    # kombu's table stores naive local time (its column's onupdate is datetime.now).
    return datetime.now()


def _engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"timeout": LOCK_TIMEOUT_SECONDS})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return engine


class Channel(kombu_sqla.Channel):
    """One consumer's or producer's view of the queues; see the module's docstring."""

    _engines: dict[str, Any] = {}  # noqa: RUF012 (kombu's per-class engine cache, not the parent's)

    def __init__(self, connection: Any, **kwargs: Any) -> None:
        super().__init__(connection, **kwargs)
        self._db_lock = threading.RLock()
        self._queue_ids: dict[str, int] = {}
        self._row_ids: dict[str, int] = {}  # delivery tag -> message row, while unacknowledged
        self._acked: deque[int] = deque()  # rows to delete, appended by any thread
        options = connection.client.transport_options
        self.visibility_timeout = float(options.get("visibility_timeout", 3600))

    # --- engine and queues --------------------------------------------------------------------

    def _open(self) -> Any:
        url = self.connection.client.hostname
        with kombu_sqla._MUTEX:
            if url not in self._engines:
                engine = _engine(url)
                create_tables(engine)
                forget_stock_deliveries(engine, self.message_cls.__table__)
                self._engines[url] = engine, sessionmaker(bind=engine)
        return self._engines[url]

    def _queue_id(self, queue: str) -> int:
        found = self._queue_ids.get(queue)
        if found is None:
            with self._db_lock:
                found = declare_queue(self.session, self.queue_cls, queue)
            self._queue_ids[queue] = found
        return found

    def _get_or_create(self, queue: str) -> Any:
        raise NotImplementedError("queues are read by id: _queue_id")  # pragma: no cover

    def _new_queue(self, queue: str, **kwargs: Any) -> None:
        self._queue_id(queue)

    # Core statements only: kombu's ORM models warn (``noload``) when their mappers configure.

    def _size(self, queue: str) -> int:
        queue_id = self._queue_id(queue)
        table = self.message_cls.__table__
        with self._db_lock:
            try:
                count = self.session.scalar(
                    select(func.count())
                    .select_from(table)
                    .where(table.c.queue_id == queue_id, table.c.visible.is_(True))
                )
            finally:
                self.session.rollback()
        return int(count or 0)

    def _purge(self, queue: str) -> int:
        queue_id = self._queue_id(queue)
        table = self.message_cls.__table__
        with self._db_lock:
            try:
                waiting = self.session.execute(
                    delete(table).where(table.c.queue_id == queue_id, table.c.visible.is_(True))
                )
                self.session.execute(delete(table).where(table.c.queue_id == queue_id))
                self.session.commit()
            except BaseException:
                self.session.rollback()
                raise
        return int(waiting.rowcount)

    # --- sending ------------------------------------------------------------------------------

    def _put(self, queue: Any, payload: Any, **kwargs: Any) -> None:  # type: ignore[override]
        queue_id = self._queue_id(queue)
        table = self.message_cls.__table__
        with self._db_lock:
            try:
                self.session.execute(
                    insert(table).values(
                        payload=json.dumps(payload), queue_id=queue_id, visible=True, version=1
                    )
                )
                self.session.commit()
            except OperationalError:
                self.session.rollback()
                raise

    # --- receiving ----------------------------------------------------------------------------

    def drain_events(self, timeout: float | None = None, callback: Any = None) -> Any:
        self._flush_acks()
        if self._consumers and self.qos.can_consume():
            return self._get_many(self._active_queues, timeout=timeout)
        raise Empty()

    def _get_many(self, queues: Iterable[str], timeout: float | None = None) -> None:
        names = {self._queue_id(queue): queue for queue in queues}
        if not names:
            raise Empty()
        limit = self.qos.can_consume_max_estimate() or MAX_BATCH
        table = self.message_cls.__table__
        now = _now()
        ready = and_(
            table.c.queue_id.in_(names),
            or_(
                table.c.visible.is_(True),
                table.c.timestamp < now - timedelta(seconds=self.visibility_timeout),
            ),
        )
        query = (
            select(table.c.id, table.c.queue_id, table.c.payload)
            .where(ready)
            .order_by(table.c.id)
            .limit(limit)
        )
        with self._db_lock:
            session = self.session
            try:
                # A read first, which takes no lock: an idle poll writes nothing.
                found = session.execute(select(table.c.id).where(ready).limit(1))
                if found.first() is None:
                    raise Empty()
                session.rollback()
                session.execute(text("BEGIN IMMEDIATE"))
                rows = session.execute(query).all()
                if rows:
                    session.execute(
                        update(table)
                        .where(table.c.id.in_([row.id for row in rows]))
                        .values(visible=False, timestamp=now)
                    )
                session.commit()
            except BaseException:
                session.rollback()
                raise
        if not rows:
            raise Empty()
        for row in rows:
            payload = json.loads(bytes_to_str(row.payload))
            self._row_ids[payload["properties"]["delivery_tag"]] = row.id
            self.connection._deliver(payload, names[row.queue_id])

    def _get(self, queue: Any, timeout: Any = None) -> Any:
        raise NotImplementedError("messages are taken by _get_many")  # pragma: no cover

    # --- acknowledging ------------------------------------------------------------------------

    def basic_ack(self, delivery_tag: str, multiple: bool = False) -> None:
        row_id = self._row_ids.pop(delivery_tag, None)
        if row_id is not None:
            self._acked.append(row_id)
        super().basic_ack(delivery_tag, multiple)

    def basic_reject(self, delivery_tag: str, requeue: bool = False) -> None:
        if not requeue:
            row_id = self._row_ids.pop(delivery_tag, None)
            if row_id is not None:
                self._acked.append(row_id)
        super().basic_reject(delivery_tag, requeue=requeue)

    def _restore(self, message: Any) -> None:
        """Put a taken message back (rejected with requeue, or unacknowledged at shutdown)."""
        row_id = self._row_ids.pop(message.delivery_tag, None)
        if row_id is None:
            super()._restore(message)
            return
        table = self.message_cls.__table__
        with self._db_lock:
            try:
                self.session.execute(
                    update(table).where(table.c.id == row_id).values(visible=True, timestamp=None)
                )
                self.session.commit()
            except BaseException:
                self.session.rollback()
                raise

    def _flush_acks(self) -> None:
        if not self._acked:
            return
        done: list[int] = []
        while self._acked:
            done.append(self._acked.popleft())
        table = self.message_cls.__table__
        with self._db_lock:
            try:
                self.session.execute(delete(table).where(table.c.id.in_(done)))
                self.session.commit()
            except OperationalError:
                self.session.rollback()
                self._acked.extend(done)  # try again at the next poll

    def close(self) -> None:
        if not self.closed:
            try:
                super().close()  # puts back what was taken and not acknowledged
            finally:
                if self._session is not None:
                    self._flush_acks()
                    self._session.close()
                    self._session = None


class Transport(kombu_sqla.Transport):
    Channel = Channel
    polling_interval = POLLING_INTERVAL


def create_tables(engine: Engine) -> None:
    """kombu's two tables, unless there; a process that loses the race to create them waits."""
    try:
        kombu_sqla.metadata.create_all(engine)
    except OperationalError as error:
        if "already exists" not in str(error.orig):
            raise
        kombu_sqla.metadata.create_all(engine)


def forget_stock_deliveries(engine: Engine, table: Any) -> None:
    """Delete what kombu's stock transport delivered: it marked messages, and never deleted them.

    Its update went through the ORM, which counts ``version`` up; this transport leaves it at 1.
    Left in place, those rows would all be given out again once older than the visibility timeout
    (every task since the database was created, retraining included).
    """
    with engine.begin() as connection:
        connection.execute(delete(table).where(table.c.visible.is_(False), table.c.version > 1))


def declare_queue(session: Any, queue_cls: Any, name: str) -> int:
    """The id of queue ``name``, inserting its row unless there (a lost race reads the winner's)."""
    table = queue_cls.__table__
    for _attempt in range(3):
        try:
            found = session.scalar(select(table.c.id).where(table.c.name == name))
            if found is None:
                session.execute(insert(table).values(name=name))
                found = session.scalar(select(table.c.id).where(table.c.name == name))
            session.commit()
            return int(found)
        except IntegrityError:
            session.rollback()  # another process declared it first: read its row
        except BaseException:
            session.rollback()
            raise
    raise RuntimeError(f"could not declare broker queue {name!r}")


def prepare(broker_url: str, queues: Iterable[str]) -> None:
    """Create the embedded broker's tables and ``queues`` (``moderation setup``), in WAL mode."""
    from kombu import Connection

    with Connection(connection_url(broker_url), transport=TRANSPORT) as connection:
        channel = connection.default_channel
        for name in queues:
            channel._new_queue(name)
