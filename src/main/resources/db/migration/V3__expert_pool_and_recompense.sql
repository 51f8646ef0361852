-- The coordinator's work: the expert pool (pause, leaving, erasure, declared interests), the managed
-- list of lived-experience areas, the coordinator's changes to a proposal, and a recompense ledger
-- that records what was owed and paid, with expenses by kind.

ALTER TABLE cc_expert ALTER COLUMN lived_experience SET DATA TYPE VARCHAR(1000);
-- Organisations the expert works or volunteers for, or gets support from: matching leaves them
-- out of cycles where one of these organisations bids.
ALTER TABLE cc_expert ADD COLUMN declared_interests VARCHAR(2000);
ALTER TABLE cc_expert ADD COLUMN paused_until DATE;
ALTER TABLE cc_expert ADD COLUMN status_note VARCHAR(4000);
ALTER TABLE cc_expert ADD COLUMN left_on DATE;
ALTER TABLE cc_expert ADD COLUMN erased_on DATE;
ALTER TABLE cc_expert ADD COLUMN benefits_advice_offered_on DATE;
ALTER TABLE cc_expert ADD COLUMN updated_at TIMESTAMP;

-- The lived-experience areas experts can share and requests can ask for. Codes never change
-- (experts and requests store them); labels can, and an area can be retired.
CREATE TABLE cc_lived_experience_area (
    code      VARCHAR(40)  PRIMARY KEY,
    label     VARCHAR(200) NOT NULL,
    position  INTEGER      NOT NULL,
    active    BOOLEAN      NOT NULL DEFAULT TRUE
);
INSERT INTO cc_lived_experience_area (code, label, position) VALUES ('homelessness', 'Homelessness', 10);
INSERT INTO cc_lived_experience_area (code, label, position) VALUES ('drugs-alcohol', 'Drugs or alcohol', 20);
INSERT INTO cc_lived_experience_area (code, label, position) VALUES ('mental-health', 'Mental ill health', 30);
INSERT INTO cc_lived_experience_area (code, label, position) VALUES ('offending', 'Prison, probation or the justice system', 40);
INSERT INTO cc_lived_experience_area (code, label, position) VALUES ('domestic-abuse', 'Domestic abuse', 50);

ALTER TABLE cc_involvement_request ALTER COLUMN lived_experience SET DATA TYPE VARCHAR(1000);
ALTER TABLE cc_involvement_request ALTER COLUMN representation_gaps SET DATA TYPE VARCHAR(1000);
ALTER TABLE cc_involvement_request ADD COLUMN override_reason VARCHAR(4000);
ALTER TABLE cc_involvement_request ADD COLUMN overridden_by VARCHAR(64);

ALTER TABLE cc_invitation ADD COLUMN added_by_coordinator BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE cc_invitation ADD COLUMN preparation_hours INTEGER;
ALTER TABLE cc_invitation ADD COLUMN expenses_travel DECIMAL(10, 2);
ALTER TABLE cc_invitation ADD COLUMN expenses_childcare DECIMAL(10, 2);
ALTER TABLE cc_invitation ADD COLUMN expenses_subsistence DECIMAL(10, 2);
ALTER TABLE cc_invitation ADD COLUMN expenses_approved_by VARCHAR(64);

ALTER TABLE cc_recompense ADD COLUMN session_date DATE;
ALTER TABLE cc_recompense ADD COLUMN preparation_hours INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cc_recompense ADD COLUMN paid_hours DECIMAL(6, 2);
ALTER TABLE cc_recompense ADD COLUMN basis VARCHAR(400);
ALTER TABLE cc_recompense ADD COLUMN expenses_travel DECIMAL(10, 2) NOT NULL DEFAULT 0;
ALTER TABLE cc_recompense ADD COLUMN expenses_childcare DECIMAL(10, 2) NOT NULL DEFAULT 0;
ALTER TABLE cc_recompense ADD COLUMN expenses_subsistence DECIMAL(10, 2) NOT NULL DEFAULT 0;
ALTER TABLE cc_recompense ADD COLUMN expenses_approved_by VARCHAR(64);
ALTER TABLE cc_recompense ADD COLUMN paid_on DATE;
ALTER TABLE cc_recompense ADD COLUMN paid_by VARCHAR(64);

CREATE INDEX ix_recompense_expert ON cc_recompense (expert_id);
CREATE INDEX ix_invitation_request ON cc_invitation (request_id);
