-- What a coordinator learned when following up an unanswered invitation (a better time to call,
-- say). It is about a person, so it lives here, not in the engine, and erasure clears it.
ALTER TABLE cc_invitation ADD COLUMN follow_up_notes VARCHAR(4000);
