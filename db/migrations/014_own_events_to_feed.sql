-- The office's own events (and a standalone machine's) go straight to sync_feed from Ctx.emit
-- (electron/core/events/feed.ts, the one writer of event entries), instead of an outbox row that
-- this trigger copied. The copy cost every redemption an outbox row, its uuid index entry and a
-- second copy of the payload: about 2.3 of the pages it wrote, and 9–11 % of its time. A counter's
-- replica still writes its outbox, which its push reads; nothing reads the office's outbox, and the
-- rows already there stay (append-only) with their copies in the feed.
DROP TRIGGER outbox_feed;
