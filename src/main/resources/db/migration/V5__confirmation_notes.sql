-- A coordinator's notes on confirming who to invite (a buddy arranged for someone new, say). They
-- are about people, so they live here, not in the engine.
ALTER TABLE cc_involvement_request ADD COLUMN confirmation_notes VARCHAR(4000);
