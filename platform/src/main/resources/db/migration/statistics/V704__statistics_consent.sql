-- Whether a person referred agreed to use in statistics (asked per purpose at referral). Aggregate tables count
-- everyone; the CTDC microdata export, which leaves the country record by record, leaves out those who did not
-- agree. Null for facts that do not come from a referral.
alter table statistics.fact add column statistics_consent boolean;
