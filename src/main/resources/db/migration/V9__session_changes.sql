-- Issue 16: when plans change, everyone involved hears.
-- A session that will not happen (its cycle was stopped or deleted): why, in the words given,
-- and when. The invitations of such a session are CALLED_OFF, so they no longer count as bookings.
ALTER TABLE cc_involvement_request ADD COLUMN called_off_reason VARCHAR(4000);
ALTER TABLE cc_involvement_request ADD COLUMN called_off_at TIMESTAMP;
