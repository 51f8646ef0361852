-- A coordinator may close a gate when nobody could take part, with a reason auditors see.
-- The reason is staff-written, but may name someone, so it lives here and not in the engine.
ALTER TABLE cc_involvement_request ADD COLUMN nobody_reason VARCHAR(4000);
ALTER TABLE cc_involvement_request ADD COLUMN nobody_recorded_by VARCHAR(64);
ALTER TABLE cc_involvement_request ADD COLUMN nobody_recorded_at TIMESTAMP;
