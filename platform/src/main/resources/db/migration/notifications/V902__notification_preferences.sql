-- What each person chooses to be told, per kind of notification: on the platform, by e-mail, both or neither. No row
-- means both (the default). An e-mail's link opens its notification, so a notification chosen by e-mail only is
-- still recorded, as already read.
create table notifications.preference (
    account_id   uuid        not null,
    kind         varchar(40) not null,
    on_platform  boolean     not null,
    by_email     boolean     not null,
    primary key (account_id, kind)
);
