-- An admin may send an event to a target again: each redelivery is a delivery of its own, numbered
-- after the earlier ones of that event to that target (0 is the first delivery).
alter table notification_delivery drop constraint notification_delivery_once;
alter table notification_delivery add column redelivery integer default 0 not null;
alter table notification_delivery add constraint notification_delivery_once unique (event_id, channel, target, redelivery);
