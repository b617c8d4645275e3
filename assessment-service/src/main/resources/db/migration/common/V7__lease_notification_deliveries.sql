-- A dispatcher claims due deliveries for a while (a lease), sends them with no transaction open,
-- then records the outcome. Once claimed_until has passed, any dispatcher may claim the delivery
-- again, so nothing is lost when an instance dies mid-send.
alter table notification_delivery add column claimed_by varchar(100);
alter table notification_delivery add column claimed_until timestamp with time zone;
