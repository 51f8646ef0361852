-- What a coordinator arranged for an expert who told us what they need to take part (a ramp, a
-- quiet room, the bids by post). It is about a person, so it lives here, not in the engine, and
-- erasure clears the words. had_access_needs and access_arranged_in_time stay after erasure: the
-- auditors count them, never the words.
ALTER TABLE cc_invitation ADD COLUMN had_access_needs BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE cc_invitation ADD COLUMN access_arranged VARCHAR(4000);
ALTER TABLE cc_invitation ADD COLUMN access_arranged_by VARCHAR(64);
ALTER TABLE cc_invitation ADD COLUMN access_arranged_at TIMESTAMP;
ALTER TABLE cc_invitation ADD COLUMN access_arranged_in_time BOOLEAN;
UPDATE cc_invitation SET had_access_needs = TRUE WHERE access_needs IS NOT NULL;
