-- The referrals sent without consent (override) are few and never stop being overrides, so the case page can
-- know which cases have any from their count and a small set (OverriddenCases) instead of asking on every view.
create index service_referral_overridden on referrals.service_referral (case_id) where override_ground is not null;
