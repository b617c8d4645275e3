-- The dispatcher claims the oldest due delivery of each target that is not busy. Through this
-- index it finds them one lookup per target, rather than reading through every pending delivery of
-- a busy or failing target (a long queue for the sales inbox while the mail server is down).
create index notification_delivery_pending_by_target on notification_delivery (target, next_attempt_at, id)
    where state = 'pending';
