-- The key that decides, for each published cell, whether random rounding goes up or down. Drawn from the cell's
-- definition (what is counted, period, region, categories) under this key, so that the same cell rounds the same way
-- in every table, release and download, and averaging many tables cannot undo the rounding; kept secret, so that
-- nobody outside can compute which way a cell went. One row, made at the first rounding.
create table statistics.rounding_key (
    id  smallint primary key check (id = 1),
    key bytea    not null check (octet_length(key) = 32)
);
