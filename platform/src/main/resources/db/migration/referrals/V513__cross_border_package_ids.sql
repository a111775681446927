-- A cross-border package carries its own id inside what is signed: the same package received twice is refused. The
-- packages of the first format, kept from before, have none (null never conflicts).
alter table referrals.cross_border_package add column package_id uuid;
create unique index cross_border_package_once on referrals.cross_border_package (sender_country, package_id);
