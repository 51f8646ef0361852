-- Issue 15, unpaid work: reviewing a draft of the specification and coming to the mediation
-- meeting are work, recompensed through the ledger like a session. An entry is now for a session
-- (request_id) or for one review round of a cycle's specification (cycle_id and review_round);
-- work says which, by name: SESSION, SPECIFICATION_REVIEW or MEDIATION_MEETING.
ALTER TABLE cc_recompense ADD COLUMN work VARCHAR(30) DEFAULT 'SESSION' NOT NULL;
ALTER TABLE cc_recompense ADD COLUMN cycle_id BIGINT;
ALTER TABLE cc_recompense ADD COLUMN review_round INTEGER;
ALTER TABLE cc_recompense ALTER COLUMN request_id DROP NOT NULL;
ALTER TABLE cc_recompense ADD CONSTRAINT fk_recompense_cycle FOREIGN KEY (cycle_id) REFERENCES cc_cycle (id);
ALTER TABLE cc_recompense ADD CONSTRAINT ck_recompense_what_for
  CHECK ((work = 'SESSION' AND request_id IS NOT NULL)
    OR (work <> 'SESSION' AND cycle_id IS NOT NULL AND review_round IS NOT NULL));
-- One entry per expert for each round's review and each meeting: a retried job, a second
-- completion or a second node adds nothing twice. Sessions keep uq_recompense (expert, request).
ALTER TABLE cc_recompense ADD CONSTRAINT uq_recompense_work UNIQUE (expert_id, cycle_id, work, review_round);
CREATE INDEX ix_recompense_cycle ON cc_recompense (cycle_id);
