-- A coordinator's answer to what an expert wrote back when they acknowledged their feedback, and
-- how it reached them (by email, or how the coordinator told them by post or phone). The words are
-- about a person, so they live here, never in the engine; erasure clears them. reply_answered_at
-- stays: auditors count replies answered and waiting, never the words.
ALTER TABLE cc_feedback ADD COLUMN reply_answer VARCHAR(4000);
ALTER TABLE cc_feedback ADD COLUMN reply_answered_how VARCHAR(20);
ALTER TABLE cc_feedback ADD COLUMN reply_answered_by VARCHAR(64);
ALTER TABLE cc_feedback ADD COLUMN reply_answered_at TIMESTAMP;
ALTER TABLE cc_feedback ADD COLUMN had_reply BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE cc_feedback SET had_reply = TRUE WHERE reply IS NOT NULL;
